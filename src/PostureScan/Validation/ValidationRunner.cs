using PostureScan.Core.Checks;
using PostureScan.Demo;
using PostureScan.Hosting;

namespace PostureScan.Validation;

/// <summary>
/// Plays the chosen adversary tests into a clean estate, waits out the audit logs' ingestion, then runs the
/// product as a user would (one scan with the example policy and every audit source, and detect over each
/// log) and checks every expectation.
/// </summary>
internal sealed class ValidationRunner(ValidationSeams seams, TimeProvider system)
{
    public const string Estate = "estate";

    /// <summary>Every scenario, in the order they are played.</summary>
    public static IReadOnlyList<IAdversaryScenario> All { get; } = [new AwsScenario(), new AzureScenario(), new GcpScenario(), new CiscoScenario()];

    public async Task<ValidationReport> RunAsync(IReadOnlyList<IAdversaryScenario> scenarios, string folder, CancellationToken ct)
    {
        var clock = new ValidationClock(system);
        var startedAt = clock.GetUtcNow();
        await using var estate = await ValidationEstate.StartAsync(folder, clock, ct);
        var policy = Path.Combine(folder, DemoBundle.PolicyName);
        await File.WriteAllTextAsync(policy, DemoBundle.ReadText(DemoBundle.PolicyName), ct);

        var played = scenarios.Select(s => s.Play(estate)).ToList();
        var steps = new List<StepResult>();
        var since = startedAt.AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        if (played.FirstOrDefault(p => p.Name == "azure") is { } azure)
        {
            // Before ingestion the Activity Log must not list the writes yet: the delay is modelled, not assumed.
            var early = await DetectAsync(estate, azure.DetectInputs[0], since, clock, ct);
            var listed = early.Events.Count(e => azure.Calls.Any(c => string.Equals((string?)e["eventName"], c.Operation, StringComparison.OrdinalIgnoreCase)));
            steps.Add(new StepResult(azure.Name, "ingestion delay", "the writes not listed before the Activity Log ingests them",
                $"{listed} of {azure.Calls.Count} listed right after the calls (exit {early.ExitCode})", listed == 0 && early.ExitCode == 0));
            clock.Advance(AzureScenario.Delays.Max() + TimeSpan.FromSeconds(30));
        }

        var scan = await ScanAsync(estate, policy, clock, ct);
        var detections = new Dictionary<string, DetectRun>(StringComparer.Ordinal);
        foreach (var input in played.SelectMany(p => p.DetectInputs))
        {
            detections[input.Name] = await DetectAsync(estate, input, since, clock, ct);
        }

        var run = scan with { Detections = detections };
        steps.AddRange(played.SelectMany(p => Verifier.Check(p, run)));
        var refused = estate.Emulator.Counters.TotalRejectedWrites;
        steps.Add(new StepResult(Estate, "scanner read-only", "no write call reached the emulated clouds",
            $"{estate.Emulator.Counters.TotalCalls} read calls served, {refused} write calls refused", refused == 0));
        return new ValidationReport(startedAt, clock.GetUtcNow(), DemoBundle.PolicyName, played, steps, scan.Scan.Id,
            estate.Emulator.Counters.TotalCalls, refused);
    }

    private async Task<ProductRun> ScanAsync(ValidationEstate estate, string policyPath, TimeProvider clock, CancellationToken ct)
    {
        var configuration = estate.ScanConfiguration(seams.UnattributedProviders ?? new HashSet<string>());
        var settings = AppConfiguration.Bind<ScanSettings>(configuration, "Scan");
        var sources = ProviderRegistry.Create(configuration, clock, []);
        var registry = CheckRegistry.CreateDefault();
        var policy = new PolicyGate(PolicyFiles.Load(policyPath, registry), seams.Checks?.Invoke(registry) ?? registry, clock);
        var auditSources = AuditSourceRegistry.Create(configuration, clock);
        var audit = auditSources.Count == 0 ? null : new AuditStage(auditSources, AuditSourceRegistry.Lookback(configuration), clock);
        await using var store = await RunStores.OpenAsync(new StoreLocation(StoreLocation.Sqlite, estate.Database), ct);
        var pipeline = new ScanPipeline(sources, store, clock, settings.MaxConcurrency, policy, audit);
        var run = await pipeline.RunAsync(null, ct);
        return new ProductRun(run, pipeline.Evaluation, pipeline.Audit, new Dictionary<string, DetectRun>());
    }

    private static Task<DetectRun> DetectAsync(ValidationEstate estate, DetectInput input, string since, TimeProvider clock, CancellationToken ct)
    {
        var live = input.Arguments.Contains("--source");
        string[] config = live && !input.Arguments.Contains("--config") ? ["--config", estate.ConfigFile] : [];
        return DetectProbe.RunAsync([.. input.Arguments, .. config, "--format", "jsonl", "--since", since], clock, ct);
    }
}
