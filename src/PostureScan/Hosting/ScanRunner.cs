using PostureScan.Cli;
using PostureScan.Core.Scanning;
using PostureScan.Output;
using Spectre.Console;

namespace PostureScan.Hosting;

/// <summary>
/// Runs one scan for the CLI (scan and demo): builds the sources, shows progress on standard error,
/// commits the run, prints the summary, and turns the outcome into an exit code.
/// </summary>
internal static class ScanRunner
{
    public static async Task<int> RunAsync(ScanRequest request, TimeProvider time, CancellationToken ct)
    {
        var settings = AppConfiguration.Bind<ScanSettings>(request.Configuration, "Scan");
        var storeSettings = AppConfiguration.Bind<StoreSettings>(request.Configuration, "Store");
        var requested = request.Providers.Count > 0 ? request.Providers : settings.Providers;
        var sources = ProviderRegistry.Create(request.Configuration, time, requested);
        var database = Path.GetFullPath(request.Database ?? storeSettings.Path);

        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await using var store = await RunStores.OpenAsync(database, ct);
        var pipeline = new ScanPipeline(sources, store, time, settings.MaxConcurrency);

        ScanRun run;
        if (stderr.Profile.Capabilities.Interactive && !Console.IsErrorRedirected)
        {
            ScanRun? result = null;
            await stderr.Progress().AutoClear(true).StartAsync(async ctx =>
                result = await pipeline.RunAsync(new ConsoleProgress(stderr, ctx), ct));
            run = result!;
        }
        else
        {
            run = await pipeline.RunAsync(new ConsoleProgress(stderr, null), ct);
        }

        if (request.Json)
        {
            await Console.Out.WriteLineAsync(RunSummaryJson.Write(run, database));
        }
        else
        {
            var stdout = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            if (Console.IsOutputRedirected)
            {
                // A file or a pipe has no width; do not squeeze ids into 80 columns.
                stdout.Profile.Width = 240;
            }

            SummaryTable.Write(stdout, run);
            stdout.WriteLine($"Run {run.Id} stored in {database}");
        }

        return run.IsPartial ? ExitCodes.Partial : ExitCodes.Success;
    }
}
