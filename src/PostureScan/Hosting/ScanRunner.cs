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
        var requested = request.Providers.Count > 0 ? request.Providers : settings.Providers;
        var sources = ProviderRegistry.Create(request.Configuration, time, requested);
        var location = RunStores.Locate(request.Database, request.Configuration);
        // Load the policy before scanning: a broken policy is a usage error, found in milliseconds.
        var policy = request.Policy is { } policyPath ? PolicyGate.Load(policyPath, time) : null;
        var auditSources = AuditSourceRegistry.Create(request.Configuration, time);
        var audit = auditSources.Count == 0 ? null : new AuditStage(auditSources, AuditSourceRegistry.Lookback(request.Configuration), time);

        using var delivery = DeliveryRuntime.Create(request.Configuration);

        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await using var store = await RunStores.OpenAsync(location, ct);
        if (delivery is not null)
        {
            // The run's events are queued in the transaction that stores the run, then sent below.
            store.DeliveryRoute = delivery.Route(reportPath: null);
        }

        var pipeline = new ScanPipeline(sources, store, time, settings.MaxConcurrency, policy, audit);

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
            await Console.Out.WriteLineAsync(RunSummaryJson.Write(run, location.Description, pipeline.Evaluation, pipeline.Audit));
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
            if (pipeline.Audit is { } auditRecord)
            {
                AttributionTable.Write(stdout, auditRecord);
            }
            if (pipeline.Evaluation is { } evaluation)
            {
                FindingsTable.Write(stdout, evaluation);
            }

            stdout.WriteLine($"Run {run.Id} stored in {location.Description}");
        }

        if (delivery is not null)
        {
            await DeliveryStage.RunAsync(delivery, store, time, Console.Error, ct);
        }

        // The gate first: a CI job asked "is anything at or above this severity open?". It says why it failed, and that
        // the run is partial too, since exit 1 hides the 3 a partial run would give.
        if (request.FailOn is { } threshold && pipeline.Evaluation?.ActiveAtOrAbove(threshold) is > 0 and var gated)
        {
            var partial = run.IsPartial ? $"; the run is also partial ({run.Scopes.Count(s => s.Status == ScopeStatus.Failed)} scope(s) failed)" : "";
            Console.Error.WriteLine($"scan: --fail-on {FindingsTable.Name(threshold)}: {gated} open finding(s) at or above it{partial}");
            return ExitCodes.Findings;
        }

        return run.IsPartial ? ExitCodes.Partial : ExitCodes.Success;
    }
}
