using System.Reflection.PortableExecutable;

namespace PostureScan.Bench;

/// <summary>
/// <c>ready-to-run ASSEMBLY</c>: exit 0 when the assembly carries ReadyToRun code, 1 when it is IL only.
/// bench/publish-cli.sh asks it of the CLI it publishes: the benchmarks measure the build a deployment runs, and
/// a publish that silently ships IL (as one did: the runtime named by --use-current-runtime reached the project too
/// late) would measure something else under the same name.
/// </summary>
internal static class ReadyToRunCommand
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: ready-to-run ASSEMBLY");
            return 2;
        }

        if (IsReadyToRun(args[0]))
        {
            return 0;
        }

        Console.Error.WriteLine($"{args[0]} has no ReadyToRun code: it is IL only");
        return 1;
    }

    /// <summary>ReadyToRun code is found through the CLI header's managed native header, which an IL-only image leaves empty.</summary>
    public static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var image = new PEReader(stream);
        return image.PEHeaders.CorHeader is { } header && header.ManagedNativeHeaderDirectory.Size > 0;
    }
}
