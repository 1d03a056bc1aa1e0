using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Serve;

namespace PostureScan.Tests.Serve;

/// <summary>A run's scope jobs share one set of sources (one role assumption per account, one connection pool), a new run gets new ones.</summary>
public sealed class InventorySourceFactoryTests
{
    [Fact]
    public void Every_job_of_a_run_gets_the_same_sources_and_a_new_run_new_ones()
    {
        var built = new List<CountedSource>();
        var factory = new InventorySourceFactory(() => { var s = new CountedSource(); built.Add(s); return [s]; });

        var first = factory.ForRun("run-1");
        Assert.Same(first, factory.ForRun("run-1"));
        Assert.Single(built);

        var second = factory.ForRun("run-2");
        Assert.NotSame(first, second);
        Assert.Equal(2, built.Count);
    }

    [Fact]
    public void The_run_before_keeps_its_sources_until_the_one_after_begins_and_they_are_then_disposed()
    {
        var built = new List<CountedSource>();
        var factory = new InventorySourceFactory(() => { var s = new CountedSource(); built.Add(s); return [s]; });

        var first = factory.ForRun("run-1");
        factory.ForRun("run-2");

        // A late scope job of run-1 still finds its own sources, undisposed.
        Assert.Same(first, factory.ForRun("run-1"));
        Assert.False(built[0].Disposed);

        factory.ForRun("run-3");
        Assert.True(built[0].Disposed);
        Assert.False(built[1].Disposed);
        Assert.False(built[2].Disposed);
        Assert.Equal(3, built.Count);
    }

    private sealed class CountedSource : IInventorySource, IDisposable
    {
        public bool Disposed { get; private set; }

        public string Provider => Providers.Aws;

        public Task<ScopeDiscovery> DiscoverAsync(CancellationToken cancellationToken) => Task.FromResult(new ScopeDiscovery([], []));

        public Task<ScopeInventory> CollectAsync(Scope scope, CancellationToken cancellationToken) =>
            Task.FromResult(new ScopeInventory(ScopeResult.Ok(scope, 0, TimeSpan.Zero), []));

        public void Dispose() => Disposed = true;
    }
}
