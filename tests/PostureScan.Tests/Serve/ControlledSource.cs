using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Tests.Serve;

/// <summary>
/// An inventory source of two scopes of one account that counts its collections, records the most that ran at once, and
/// can be held mid-scope until the test releases it (or the scan is cancelled). Its discovery streams: it hands the
/// account over, and with <see cref="HoldsSecondAccount"/> then waits for the test before handing over a second one.
/// </summary>
internal sealed class ControlledSource : IInventorySource, IStreamingDiscovery
{
    private readonly TaskCompletionSource secondAccountReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Lock gate = new();
    private TaskCompletionSource hold = NewHold(released: true);
    private readonly Dictionary<string, int> runningByScope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> mostByScope = new(StringComparer.Ordinal);
    private int running;

    public string Provider => Providers.Aws;

    public int Collections { get; private set; }

    public int MostAtOnce { get; private set; }

    /// <summary>A scope whose collection throws (a source's bug), to see it stored as failed.</summary>
    public string? FailingRegion { get; set; }

    /// <summary>The most collections of one scope that ran at once.</summary>
    public int MostAtOnceFor(Scope scope)
    {
        lock (gate)
        {
            return mostByScope.GetValueOrDefault(scope.Key);
        }
    }

    public static Scope West => new(Providers.Aws, "111122223333", "eu-west-1");

    public static Scope East => new(Providers.Aws, "111122223333", "us-east-1");

    /// <summary>A scope of another account, which discovery finds only with <see cref="HoldsSecondAccount"/>; other tests plan it themselves.</summary>
    public static Scope North => new(Providers.Aws, "444455556666", "eu-north-1");

    /// <summary>Completes when a collection has started while held.</summary>
    public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Hold()
    {
        lock (gate)
        {
            hold = NewHold(released: false);
            Entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release() => hold.TrySetResult();

    /// <summary>Discovery, having handed over West and East, waits for <see cref="ReleaseSecondAccount"/> to hand over North.</summary>
    public bool HoldsSecondAccount { get; init; }

    /// <summary>Completes when discovery waits to hand over the second account.</summary>
    public TaskCompletionSource SecondAccountWaiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseSecondAccount() => secondAccountReleased.TrySetResult();

    public Task<ScopeDiscovery> DiscoverAsync(CancellationToken cancellationToken) =>
        DiscoverAsync((_, _) => ValueTask.CompletedTask, cancellationToken);

    public async Task<ScopeDiscovery> DiscoverAsync(Func<IReadOnlyList<Scope>, CancellationToken, ValueTask> found, CancellationToken cancellationToken)
    {
        Scope[] first = [West, East];
        await found(first, cancellationToken);
        if (!HoldsSecondAccount)
        {
            return new ScopeDiscovery(first, []);
        }

        SecondAccountWaiting.TrySetResult();
        await secondAccountReleased.Task.WaitAsync(cancellationToken);
        await found([North], cancellationToken);
        return new ScopeDiscovery([.. first, North], []);
    }

    public async Task<ScopeInventory> CollectAsync(Scope scope, CancellationToken cancellationToken)
    {
        Task wait;
        lock (gate)
        {
            Collections++;
            running++;
            MostAtOnce = Math.Max(MostAtOnce, running);
            runningByScope[scope.Key] = runningByScope.GetValueOrDefault(scope.Key) + 1;
            mostByScope[scope.Key] = Math.Max(mostByScope.GetValueOrDefault(scope.Key), runningByScope[scope.Key]);
            wait = hold.Task;
            Entered.TrySetResult();
        }

        try
        {
            await wait.WaitAsync(cancellationToken);
            if (string.Equals(scope.Region, FailingRegion, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the region answered nonsense");
            }

            return new ScopeInventory(ScopeResult.Ok(scope, 3, TimeSpan.FromMilliseconds(1)), []);
        }
        finally
        {
            lock (gate)
            {
                running--;
                runningByScope[scope.Key]--;
            }
        }
    }

    private static TaskCompletionSource NewHold(bool released)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (released)
        {
            source.SetResult();
        }

        return source;
    }
}
