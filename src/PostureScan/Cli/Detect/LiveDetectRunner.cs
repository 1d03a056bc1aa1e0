using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using Microsoft.Extensions.Configuration;
using PostureScan.Hosting;

namespace PostureScan.Cli.Detect;

/// <summary>
/// <c>detect --source</c>: the same detection over a live audit log instead of files. The source is built
/// from the command line as the ingestion builds configured ones, with the provider sections of --config.
/// </summary>
internal sealed class LiveDetectRunner(DetectConsole console)
{
    /// <summary>Without --since a live detection looks back a day: a whole retention period is slow to page through.</summary>
    private static readonly TimeSpan DefaultLookback = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(DetectOptions options, LiveSourceOptions live, CancellationToken cancellationToken)
    {
        if (options.Paths.Count > 0)
        {
            return UsageError("give either PATH or --source, not both");
        }

        if (!TimeArgument.TryParse(options.Since, console.Time, out var since) || !TimeArgument.TryParse(options.Until, console.Time, out var until))
        {
            return UsageError("--since and --until take an ISO 8601 time or a duration such as 24h or 7d");
        }

        var now = console.Time.GetUtcNow();
        var request = (Since: since ?? now - DefaultLookback, Until: until ?? now);
        if (request.Since > request.Until)
        {
            return UsageError("--since is after --until");
        }

        IAuditSource source;
        AuditReadRequest read;
        try
        {
            var configuration = AppConfiguration.Load(live.Config, Overrides(live, AppConfiguration.Load(live.Config)));
            source = AuditSourceRegistry.CreateOne(configuration, configuration.GetSection(Section), console.Time);
            read = new AuditReadRequest([], request.Since, request.Until, LiveScopes.From(live, configuration));
        }
        catch (UsageException e)
        {
            return UsageError(e.Message);
        }

        var events = new List<AuditEvent>();
        AuditSourceResult result;
        try
        {
            result = await source.ReadAsync(read, events.Add, cancellationToken);
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }

        var reported = DetectionResults.Arrange(events, new AuditEventFilter(request.Since, request.Until, options.WritesOnly));
        DetectRunner.WriteEvents(console, options.Format, reported);
        LiveSummary.Write(console.Error, live.Source, result, reported.Count);
        return result.Failure?.Kind == AuditSourceFailureKind.Configuration ? DetectRunner.Usage
            : result.Succeeded && result.Malformed == 0 ? DetectRunner.Ok
            : DetectRunner.Partial;
    }

    /// <summary>The section the command line's source is built from; it is not one of the configured Audit:Sources.</summary>
    private const string Section = "Detect:Source";

    /// <summary>
    /// The command line's source: its type and options, over the settings of the first <c>Audit:Sources</c> entry of
    /// that type (a gcp-logging source's <c>Endpoint</c>, an aws-lookup's <c>LookupBy</c>), so that detect reads the log
    /// the ingestion reads. Keys the file sets under <c>Detect:Source</c> itself are kept.
    /// </summary>
    private static Dictionary<string, string?> Overrides(LiveSourceOptions live, IConfiguration file)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var configured = file.GetSection(AuditSettings.Section).GetSection("Sources").GetChildren()
            .FirstOrDefault(entry => string.Equals(entry["Type"], live.Source, StringComparison.OrdinalIgnoreCase));
        if (configured is not null)
        {
            foreach (var (key, value) in configured.AsEnumerable(makePathsRelative: true).Where(pair => pair.Value is not null))
            {
                if (file.GetSection(Section)[key] is null)
                {
                    values[$"{Section}:{key}"] = value;
                }
            }
        }

        values[$"{Section}:Type"] = live.Source;
        values[$"{Section}:Name"] = "detect";
        foreach (var (key, value) in new[] { ("Bucket", live.Bucket), ("Prefix", live.Prefix), ("OrganizationId", live.OrganizationId) })
        {
            if (value is not null)
            {
                values[$"{Section}:{key}"] = value;
            }
        }

        return values;
    }

    private int UsageError(string message)
    {
        console.Error.WriteLine($"detect: {message}");
        return DetectRunner.Usage;
    }
}
