using System.Globalization;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Live;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;
using PostureScan.Core.Inventory;
using PostureScan.Gcp.Compute;
using PostureScan.Gcp.Rest;

namespace PostureScan.Gcp.Logging;

/// <summary>
/// GCP Cloud Audit Logs of each project through entries:list, filtered on the server by method name and
/// time, matched again here, pageToken followed (an empty page with a token is not the end), each page
/// read through the audit readers. The credential is the inventory's, asked for the logging read scope.
/// </summary>
public sealed class CloudLoggingSource : IAuditSource, IDisposable
{
    public const string TypeName = "gcp-logging";

    /// <summary>Admin Activity audit logs are kept 400 days.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(400);

    /// <summary>Audit entries are usually listed within a minute; a few minutes' overlap keeps stragglers.</summary>
    private static readonly TimeSpan DeliveryLag = TimeSpan.FromMinutes(10);

    /// <summary>A listing longer than this is taken for a server that loops.</summary>
    private const int MaxPages = 100_000;

    private readonly GcpOptions options;
    private readonly CloudLoggingSettings settings;
    private readonly TimeProvider time;
    private readonly HttpClient http;
    private readonly GoogleAccess access;
    private readonly AuditLogReader reader;

    public CloudLoggingSource(GcpOptions options, CloudLoggingSettings settings, TimeProvider time, AuditReaderOptions? readerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        this.options = options;
        this.settings = settings;
        this.time = time;
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
        {
            Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)),
        };
        access = new GoogleAccess(options, [GoogleAccess.LoggingRead]);
        reader = new AuditLogReader(EventNameMatcher.Mirror, readerOptions);
    }

    public string Name => settings.Name;

    public string Provider => Providers.Gcp;

    public async Task<AuditSourceResult> ReadAsync(AuditReadRequest request, Action<AuditEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(settings.Endpoint, UriKind.Absolute, out var endpoint) || settings.PageSize is < 1 or > 1000)
        {
            return AuditSourceResult.Failed(AuditSourceFailureKind.Configuration, $"audit source '{Name}': Endpoint must be an absolute URL and PageSize between 1 and 1000");
        }

        var (scopes, failures) = await ScopesAsync(request, cancellationToken);
        var client = new EntriesListClient(http, access, GcpRetry.Create(options, time), endpoint);
        var plan = new LiveReadPlan(Retention, DeliveryLag, options.MaxConcurrency);
        var result = await LiveScopeReads.ReadAsync(
            scopes, request, plan, (scope, ct) => ReadScopeAsync(client, scope, ct), e => AuditFailures.FromScopeError(GcpErrors.Classify(e)), onEvent, cancellationToken);
        return result with { Scopes = [.. failures, .. result.Scopes] };
    }

    /// <summary>The request's projects, else the configured ones, else every active project the credential sees.</summary>
    private async Task<(IReadOnlyList<Scope>, IReadOnlyList<AuditScopeRead>)> ScopesAsync(AuditReadRequest request, CancellationToken ct)
    {
        static Scope ScopeOf(string project) => new(Providers.Gcp, project, "*");
        var requested = request.Scopes.Where(s => s.Provider == Providers.Gcp && s.Account != "*").Select(s => s.Account).Distinct(StringComparer.Ordinal).ToList();
        if (requested.Count > 0 || options.Projects.Count > 0)
        {
            return ([.. (requested.Count > 0 ? requested : options.Projects).Distinct(StringComparer.Ordinal).Select(ScopeOf)], []);
        }

        using var rest = new GcpRestClient(options, new GoogleAccess(options, [GoogleAccess.CloudPlatformReadOnly]), time);
        try
        {
            var lister = new ProjectLister(rest, new Uri(options.ResourceManagerEndpoint), Math.Clamp(options.PageSize, 1, 1000));
            return ([.. (await lister.ListAsync(new CallCounter(), ct)).Select(ScopeOf)], []);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return ([], [new AuditScopeRead(ScopeOf("*"), null, 0, 0, 0, AuditFailures.FromScopeError(GcpErrors.Classify(e)))]);
        }
    }

    private async Task ReadScopeAsync(EntriesListClient client, ScopeReading scope, CancellationToken cancellationToken)
    {
        var filter = $"protoPayload.methodName:\"PacketMirror\" AND timestamp>=\"{Time(scope.Start)}\" AND timestamp<=\"{Time(scope.Until)}\"";
        string? token = null;
        for (var page = 1; ; page++)
        {
            var bytes = await client.PageAsync(scope.Scope.Account, filter, settings.PageSize, token, cancellationToken);
            var (hasEntries, next) = EntriesListClient.Shape(bytes);
            if (hasEntries)
            {
                using var stream = new MemoryStream(bytes, writable: false);
                scope.Add(reader.Read(stream, AuditInput.FromApi($"{TypeName} {scope.Scope.Account} page {page}"), scope.Emit));
            }

            if (next is null)
            {
                return;
            }

            if (next == token || page == MaxPages)
            {
                throw new InvalidDataException($"entries:list kept paging ({page} pages, token repeated: {next == token})");
            }

            token = next;
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public void Dispose() => http.Dispose();
}
