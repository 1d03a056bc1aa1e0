using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Core.Tests.Scanning;

/// <summary>
/// A source that streams its discovery in two batches and will not hand over the second until the first
/// batch's first scope has been collected: a scanner that waited for discovery to end never gets there.
/// Its returned discovery repeats every scope and adds one failed account.
/// </summary>
internal sealed class StreamingSource(IReadOnlyList<Scope> first, IReadOnlyList<Scope> second) : IInventorySource, IStreamingDiscovery
{
    private readonly TaskCompletionSource firstCollected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<Scope, int> collections = [];

    public static readonly Scope FailedAccount = new("aws", "denied", "*");

    public string Provider => "aws";

    public IReadOnlyDictionary<Scope, int> Collections
    {
        get
        {
            lock (collections)
            {
                return new Dictionary<Scope, int>(collections);
            }
        }
    }

    public Task<ScopeDiscovery> DiscoverAsync(CancellationToken cancellationToken) =>
        DiscoverAsync((_, _) => ValueTask.CompletedTask, cancellationToken);

    public async Task<ScopeDiscovery> DiscoverAsync(Func<IReadOnlyList<Scope>, CancellationToken, ValueTask> found, CancellationToken cancellationToken)
    {
        await found(first, cancellationToken);
        // A guard against a hang, not a timing: a scanner that does not collect while discovering fails here.
        await firstCollected.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await found(second, cancellationToken);
        var failure = ScopeResult.Failed(FailedAccount, ScopeErrorKind.AccessDenied, "AccessDenied", 1, TimeSpan.Zero);
        return new ScopeDiscovery([.. first, .. second], [failure]);
    }

    public Task<ScopeInventory> CollectAsync(Scope scope, CancellationToken cancellationToken)
    {
        lock (collections)
        {
            collections[scope] = collections.GetValueOrDefault(scope) + 1;
        }

        if (scope == first[0])
        {
            firstCollected.TrySetResult();
        }

        return Task.FromResult(new ScopeInventory(ScopeResult.Ok(scope, 1, TimeSpan.Zero), []));
    }
}
