using Azure.Core;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Live;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;
using PostureScan.Core.Inventory;

namespace PostureScan.Azure.Audit;

/// <summary>
/// The Azure Activity Log of each subscription (ActivityLogs_List, api-version 2015-04-01): the time range
/// filtered on the server, operations matched here, nextLink followed, each page read through the audit
/// readers. Same credential, transport and retry policy as the inventory.
/// </summary>
public sealed class ActivityLogSource : IAuditSource, IDisposable
{
    public const string TypeName = "azure-activity";

    /// <summary>The Activity Log keeps 90 days.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    /// <summary>An event is usually listed within minutes of the call, occasionally up to about 20.</summary>
    private static readonly TimeSpan DeliveryLag = TimeSpan.FromMinutes(20);

    private readonly AzureOptions options;
    private readonly ActivityLogSettings settings;
    private readonly TimeProvider time;
    private readonly TokenCredential? credential;
    private readonly ArmClients clients;
    private readonly AuditLogReader reader;

    /// <param name="credential">A credential to use instead of the one the options describe.</param>
    public ActivityLogSource(AzureOptions options, ActivityLogSettings settings, TimeProvider time, TokenCredential? credential = null, AuditReaderOptions? readerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        this.options = options;
        this.settings = settings;
        this.time = time;
        this.credential = credential;
        clients = new ArmClients(options, credential);
        reader = new AuditLogReader(EventNameMatcher.Mirror, readerOptions);
    }

    public string Name => settings.Name;

    public string Provider => Providers.Azure;

    public async Task<AuditSourceResult> ReadAsync(AuditReadRequest request, Action<AuditEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options.Problems() is { Count: > 0 } problems)
        {
            return AuditSourceResult.Failed(AuditSourceFailureKind.Configuration, string.Join("; ", problems));
        }

        var (scopes, failures) = await ScopesAsync(request, cancellationToken);
        var plan = new LiveReadPlan(Retention, DeliveryLag, options.MaxConcurrency);
        var result = await LiveScopeReads.ReadAsync(
            scopes, request, plan, ReadScopeAsync, e => AuditFailures.FromScopeError(AzureErrors.Classify(e)), onEvent, cancellationToken);
        return result with { Scopes = [.. failures, .. result.Scopes] };
    }

    /// <summary>The request's subscriptions, else the configured or visible ones (as the inventory discovers them).</summary>
    private async Task<(IReadOnlyList<Scope>, IReadOnlyList<AuditScopeRead>)> ScopesAsync(AuditReadRequest request, CancellationToken ct)
    {
        var requested = request.Scopes.Where(s => s.Provider == Providers.Azure && s.Account != "*")
            .Select(s => new Scope(Providers.Azure, s.Account.ToLowerInvariant(), Scope.Global)).Distinct().ToList();
        if (requested.Count > 0)
        {
            return (requested, []);
        }

        using var inventory = new AzureInventorySource(options, time, credential);
        var discovery = await inventory.DiscoverAsync(ct);
        return (discovery.Scopes, AuditFailures.FromDiscovery(discovery.Failures));
    }

    private async Task ReadScopeAsync(ScopeReading scope, CancellationToken cancellationToken)
    {
        var (_, pipeline) = clients.Create(new CallCounter());
        var pager = new ActivityLogPager(pipeline, clients.Environment.Endpoint);
        await pager.ReadAsync(scope.Scope.Account, scope.Start, scope.Until, settings.ResourceProvider, (page, number) =>
        {
            using var stream = new MemoryStream(page, writable: false);
            scope.Add(reader.Read(stream, AuditInput.FromApi($"{TypeName} {scope.Scope.Account} page {number}"), scope.Emit));
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public void Dispose() => clients.Dispose();
}
