using System.Globalization;

namespace PostureScan.TestKit;

/// <summary>The emulator's timing log as tests read it: per request, arrival and answer time in milliseconds.</summary>
public static class TimingLines
{
    public static IReadOnlyList<(double Arrived, double Answer)> Parse(string log) =>
    [
        .. log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture))),
    ];
}
