using System.Text;

namespace PostureScan.Bench.Scale;

/// <summary>
/// <c>scale-report DIR</c>: reads what bench/scale.sh left in DIR (plan.json, run.json, emulator.log,
/// time.txt) and prints the figures against the goal: wall time within 1.3x of the bound, peak memory
/// under 300 MB, and the calls per scope against the world's minimum. Exit 1 when a goal is missed.
/// </summary>
internal static class ScaleReportCommand
{
    public const double WallGoal = 1.3;
    public const double MemoryGoalMb = 300;

    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: scale-report DIR");
            return 2;
        }

        var dir = args[0];
        var plan = ScalePlan.Read(Path.Combine(dir, "plan.json"));
        var scan = ScanSummary.Parse(File.ReadAllText(Path.Combine(dir, "run.json")));
        var log = EmulatorLog.Parse(File.ReadLines(Path.Combine(dir, "emulator.log")));
        var time = ProcessTime.Parse(File.ReadAllText(Path.Combine(dir, "time.txt")));
        var cpuFile = Path.Combine(dir, "emulator-cpu.txt");
        var emulatorCpu = File.Exists(cpuFile) ? File.ReadAllText(cpuFile).Trim().Split('=').Last() : null;
        var timingFile = Path.Combine(dir, "timing.log");
        var timing = File.Exists(timingFile) ? EmulatorTiming.Parse(File.ReadLines(timingFile), plan.Shape.Concurrency) : null;
        var figures = ScaleFigures.Of(plan, scan, log, time, emulatorCpu, timing);

        var text = figures.ToMarkdown();
        Console.Write(text);
        File.WriteAllText(Path.Combine(dir, "figures.md"), text, Encoding.UTF8);
        return figures.MeetsGoal ? 0 : 1;
    }
}
