using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Core.Tests.Scanning;

/// <summary>An inventory source whose scopes answer from a table: sessions, a failure, or an exception.</summary>
internal sealed class FakeInventorySource(string provider, IReadOnlyList<Scope> scopes) : IInventorySource
{
    public Dictionary<string, Func<Scope, ScopeInventory>> Answers { get; } = new(StringComparer.Ordinal);

    public Exception? DiscoveryError { get; init; }

    public int MaxSeenConcurrency => maxSeen;

    private int running;
    private int maxSeen;

    public string Provider => provider;

    public Task<ScopeDiscovery> DiscoverAsync(CancellationToken cancellationToken) =>
        DiscoveryError is { } error ? Task.FromException<ScopeDiscovery>(error) : Task.FromResult(new ScopeDiscovery(scopes, []));

    public async Task<ScopeInventory> CollectAsync(Scope scope, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref running);
        InterlockedMax(ref maxSeen, now);
        try
        {
            await Task.Delay(5, cancellationToken);
            return Answers.TryGetValue(scope.Key, out var answer)
                ? answer(scope)
                : new ScopeInventory(ScopeResult.Ok(scope, 1, TimeSpan.Zero), []);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
