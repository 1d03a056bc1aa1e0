using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Live;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;
using PostureScan.Core.Inventory;

namespace PostureScan.Aws.Audit;

/// <summary>
/// CloudTrail's event history through LookupEvents, per account and region: each page read through the
/// audit readers, NextToken followed, at most two requests a second per scope (CloudTrail's limit), and
/// throttling retried with backoff. Credentials per account as the inventory gets them (assumed roles).
/// </summary>
public sealed class CloudTrailLookupSource : IAuditSource, IDisposable
{
    public const string TypeName = "aws-lookup";

    /// <summary>LookupEvents answers for the last 90 days.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    /// <summary>CloudTrail makes an event visible to LookupEvents within about 15 minutes of the call.</summary>
    private static readonly TimeSpan DeliveryLag = TimeSpan.FromMinutes(15);

    /// <summary>A page holds at most 50 records of at most 256 KB; more than this is not CloudTrail.</summary>
    private const int MaxPageBytes = 32 * 1024 * 1024;

    /// <summary>A bound on the pages of one lookup (a million events), so a server that never stops paging cannot hold a scan.</summary>
    private const int MaxPages = 20_000;

    private readonly AwsOptions options;
    private readonly CloudTrailLookupSettings settings;
    private readonly TimeProvider time;
    private readonly AwsClientFactory clients;
    private readonly AccountCredentials credentials;
    private readonly SocketsHttpHandler transport = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
    private readonly AuditLogReader reader;

    public CloudTrailLookupSource(AwsOptions options, CloudTrailLookupSettings settings, TimeProvider time, AuditReaderOptions? readerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        this.options = options;
        this.settings = settings;
        this.time = time;
        clients = new AwsClientFactory(options);
        credentials = new AccountCredentials(options, clients, time);
        reader = new AuditLogReader(EventNameMatcher.Mirror, readerOptions);
    }

    public string Name => settings.Name;

    public string Provider => Providers.Aws;

    public async Task<AuditSourceResult> ReadAsync(AuditReadRequest request, Action<AuditEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Invalid() is { } problem)
        {
            return AuditSourceResult.Failed(AuditSourceFailureKind.Configuration, $"audit source '{Name}': {problem}");
        }

        var pacer = new RequestPacer(time, settings.RequestsPerSecond);
        var retry = AuditRetry.Create(options.MaxRetries, settings.RetryBaseDelayMs, time);
        return await AwsAuditScopes.ReadEachAsync(
            options, request, time, Retention, DeliveryLag, (scope, ct) => ReadScopeAsync(scope, pacer, retry, ct), onEvent, cancellationToken);
    }

    private string? Invalid() => settings switch
    {
        { RequestsPerSecond: <= 0 or > 2 } => "RequestsPerSecond must be more than 0 and at most 2 (CloudTrail's limit per account and region)",
        { PageSize: < 1 or > 50 } => "PageSize must be between 1 and 50",
        { LookupBy: not ("EventSource" or "EventName") } => "LookupBy must be EventSource or EventName",
        _ => null,
    };

    private async Task ReadScopeAsync(ScopeReading scope, RequestPacer pacer, Polly.ResiliencePipeline retry, CancellationToken cancellationToken)
    {
        var account = credentials.Account(scope.Scope.Account);
        var signer = new SigV4SigningHandler(await credentials.ForAsync(account), RegionEndpoint.GetBySystemName(scope.Scope.Region), "cloudtrail", transport);
        // The transport is shared by every scope and disposed with the source, not with this client.
        using var http = new HttpClient(signer, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
        var client = new LookupEventsClient(http, Endpoint, MaxPageBytes);
        var lookups = settings.LookupBy == "EventName"
            ? MirrorEventNames.All.Select(name => ("EventName", name))
            : [("EventSource", MirrorEventNames.Ec2Source)];
        var page = 0;
        foreach (var (key, value) in lookups)
        {
            string? token = null;
            for (var pages = 1; ; pages++)
            {
                var body = new LookupPageRequest(key, value, scope.Start, scope.Until, settings.PageSize, token);
                var bytes = await retry.ExecuteAsync(
                    async ct =>
                    {
                        await pacer.WaitAsync(scope.Scope.Key, ct);
                        return await client.PageAsync(scope.Scope.Region, body, ct);
                    },
                    cancellationToken);
                page++;
                using (var stream = new MemoryStream(bytes, writable: false))
                {
                    scope.Add(reader.Read(stream, AuditInput.FromApi($"{TypeName} {scope.Scope.Account} {scope.Scope.Region} page {page}"), scope.Emit));
                }

                var next = LookupPageRequest.NextTokenOf(bytes);
                if (next is null)
                {
                    break;
                }

                if (next == token || pages == MaxPages)
                {
                    throw new InvalidDataException($"LookupEvents kept paging ({pages} pages, token repeated: {next == token})");
                }

                token = next;
            }
        }
    }

    /// <summary>The configured endpoint (the emulator, a proxy), or CloudTrail's regional endpoint.</summary>
    private Uri Endpoint(string region) =>
        options.ServiceUrl is { Length: > 0 } url
            ? new Uri(url)
            : new Uri($"https://cloudtrail.{region}.{(region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com")}/");

    public void Dispose()
    {
        transport.Dispose();
        clients.Dispose();
    }
}
