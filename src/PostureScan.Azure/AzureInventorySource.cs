using System.Collections.Concurrent;
using Azure.Core;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Azure;

/// <summary>
/// Azure virtual network TAP inventory across subscriptions (configured, or every subscription the
/// credential can see). The subscription is the scope: one listing covers all of its regions, and
/// Resource Manager throttles and authorises per subscription.
/// </summary>
public sealed class AzureInventorySource : IInventorySource, ICandidateLister, IDisposable
{
    private readonly AzureOptions options;
    private readonly TimeProvider time;
    private readonly ArmClients clients;

    /// <param name="credential">A credential to use instead of the one the options describe (tests, hosts with their own).</param>
    /// <exception cref="ArgumentException">The options are inconsistent (see <see cref="AzureOptions.Problems"/>).</exception>
    public AzureInventorySource(AzureOptions options, TimeProvider time, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        this.options = options;
        this.time = time;
        clients = new ArmClients(options, credential);
    }

    public string Provider => Providers.Azure;

    public async Task<ScopeDiscovery> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (options.Subscriptions.Count > 0)
        {
            var ids = options.Subscriptions.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new ScopeDiscovery(
                [.. ids.Where(IsSubscriptionId).Select(ScopeOf)],
                [.. ids.Where(id => !IsSubscriptionId(id)).Select(id => ScopeResult.Failed(
                    new Scope(Providers.Azure, id, Scope.Global), ScopeErrorKind.Other, "not a subscription id (a GUID)", 0, TimeSpan.Zero))]);
        }

        var started = time.GetTimestamp();
        var counter = new CallCounter();
        try
        {
            var (arm, _) = clients.Create(counter);
            var scopes = new List<Scope>();
            await foreach (var subscription in arm.GetSubscriptions().GetAllAsync(cancellationToken))
            {
                if (subscription.Data.SubscriptionId is { } id && IsSubscriptionId(id))
                {
                    scopes.Add(ScopeOf(id));
                }
            }

            return new ScopeDiscovery([.. scopes.OrderBy(s => s.Key, StringComparer.Ordinal)], []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (kind, message) = AzureErrors.Classify(ex);
            var scope = new Scope(Providers.Azure, "*", Scope.Global);
            return new ScopeDiscovery([], [ScopeResult.Failed(scope, kind, $"listing subscriptions: {message}", counter.Count, time.GetElapsedTime(started))]);
        }
    }

    public async Task<ScopeInventory> CollectAsync(Scope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var started = time.GetTimestamp();
        var counter = new CallCounter();
        try
        {
            var (arm, pipeline) = clients.Create(counter);
            var collector = new TapCollector(arm, new ArmLister(pipeline, clients.Environment.Endpoint), options);
            var sessions = await collector.CollectAsync(scope, cancellationToken);
            return new ScopeInventory(ScopeResult.Ok(scope, counter.Count, time.GetElapsedTime(started)), sessions);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (kind, message) = AzureErrors.Classify(ex);
            return ScopeInventory.Failed(ScopeResult.Failed(scope, kind, message, counter.Count, time.GetElapsedTime(started)));
        }
    }

    public async Task<CandidateListing> ListCandidatesAsync(IReadOnlyList<CandidateQuery> queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var sources = new ConcurrentBag<CandidateSource>();
        var results = new ConcurrentBag<ScopeResult>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(queries, parallel, async (query, ct) =>
        {
            var started = time.GetTimestamp();
            var counter = new CallCounter();
            try
            {
                var (arm, _) = clients.Create(counter);
                foreach (var candidate in await new NicCandidateLister(arm).ListAsync(query.Scope, ct))
                {
                    sources.Add(candidate);
                }

                results.Add(ScopeResult.Ok(query.Scope, counter.Count, time.GetElapsedTime(started)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var (kind, message) = AzureErrors.Classify(ex);
                results.Add(ScopeResult.Failed(query.Scope, kind, message, counter.Count, time.GetElapsedTime(started)));
            }
        });

        return new CandidateListing(
            [.. sources.OrderBy(s => s.Scope.Key, StringComparer.Ordinal).ThenBy(s => s.Source.Id, StringComparer.OrdinalIgnoreCase)],
            [.. results.OrderBy(r => r.Scope.Key, StringComparer.Ordinal)]);
    }

    public void Dispose() => clients.Dispose();

    private static bool IsSubscriptionId(string id) => Guid.TryParse(id, out _);

    private static Scope ScopeOf(string subscriptionId) => new(Providers.Azure, subscriptionId.ToLowerInvariant(), Scope.Global);
}
