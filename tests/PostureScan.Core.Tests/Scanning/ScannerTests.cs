using Microsoft.Extensions.Time.Testing;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Scanning;

public sealed class ScannerTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    private static List<Scope> Scopes(int n) => [.. Enumerable.Range(0, n).Select(i => new Scope("aws", $"acct{i % 3}", $"region-{i}"))];

    [Fact]
    public async Task A_failed_scope_and_a_throwing_scope_do_not_lose_the_others()
    {
        var scopes = Scopes(6);
        var source = new FakeInventorySource("aws", scopes);
        source.Answers[scopes[1].Key] = s => ScopeInventory.Failed(ScopeResult.Failed(s, ScopeErrorKind.AccessDenied, "UnauthorizedOperation", 1, TimeSpan.Zero));
        source.Answers[scopes[2].Key] = _ => throw new InvalidOperationException("bug in a collector");
        source.Answers[scopes[3].Key] = s => new ScopeInventory(ScopeResult.Ok(s, 3, TimeSpan.Zero), [Some.Session(scope: s)]);

        var run = await new Scanner([source], Time, 4).RunAsync(null, CancellationToken.None);

        Assert.Equal(6, run.Scopes.Count);
        Assert.True(run.IsPartial);
        var failed = run.Scopes.Where(s => s.Status == ScopeStatus.Failed).ToDictionary(s => s.Scope.Key);
        Assert.Equal(ScopeErrorKind.AccessDenied, failed[scopes[1].Key].ErrorKind);
        Assert.Equal(ScopeErrorKind.Other, failed[scopes[2].Key].ErrorKind);
        Assert.Contains("bug in a collector", failed[scopes[2].Key].Error, StringComparison.Ordinal);
        Assert.Equal(2, failed.Count);
        Assert.Single(run.Sessions);
        Assert.Equal(scopes[3], run.Sessions[0].Scope);
    }

    [Fact]
    public async Task A_source_that_cannot_discover_is_one_failed_scope_and_other_sources_still_run()
    {
        var broken = new FakeInventorySource("azure", []) { DiscoveryError = new HttpRequestException("connection refused") };
        var healthy = new FakeInventorySource("aws", Scopes(2));

        var run = await new Scanner([broken, healthy], Time, 2).RunAsync(null, CancellationToken.None);

        var failure = Assert.Single(run.Scopes, s => s.Status == ScopeStatus.Failed);
        Assert.Equal(new Scope("azure", "*", "*"), failure.Scope);
        Assert.Equal(2, run.Scopes.Count(s => s.Status == ScopeStatus.Ok));
    }

    [Fact]
    public async Task Concurrency_stays_within_the_bound()
    {
        var source = new FakeInventorySource("aws", Scopes(40));

        var run = await new Scanner([source], Time, 3).RunAsync(null, CancellationToken.None);

        Assert.Equal(40, run.Scopes.Count);
        Assert.InRange(source.MaxSeenConcurrency, 1, 3);
    }

    [Fact]
    public async Task Progress_hears_of_every_scope_and_results_are_ordered_by_scope()
    {
        var source = new FakeInventorySource("aws", Scopes(10));
        var progress = new CollectingProgress();

        var run = await new Scanner([source], Time, 4).RunAsync(progress, CancellationToken.None);

        Assert.Equal(10, progress.Finished.Count);
        Assert.Equal(("aws", 10), Assert.Single(progress.Discovered));
        Assert.Equal(run.Scopes.Select(s => s.Scope.Key).Order(StringComparer.Ordinal), run.Scopes.Select(s => s.Scope.Key));
    }

    [Fact]
    public async Task Cancellation_is_thrown_not_recorded_as_failed_scopes()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var source = new FakeInventorySource("aws", Scopes(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Scanner([source], Time, 2).RunAsync(null, cts.Token));
    }

    [Fact]
    public async Task Scopes_streamed_by_discovery_are_collected_before_discovery_ends_and_each_once()
    {
        var all = Scopes(6);
        var source = new StreamingSource(all[..3], all[3..]);
        var progress = new CollectingProgress();

        var run = await new Scanner([source], Time, 2).RunAsync(progress, CancellationToken.None);

        Assert.Equal(all.Select(s => s.Key).Order(StringComparer.Ordinal), source.Collections.Keys.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(source.Collections.Values, n => Assert.Equal(1, n));
        Assert.Equal(7, run.Scopes.Count);
        Assert.Equal(ScopeStatus.Failed, Assert.Single(run.Scopes, s => s.Scope == StreamingSource.FailedAccount).Status);
        Assert.Equal(("aws", 7), Assert.Single(progress.Discovered));
        Assert.Equal(7, progress.Finished.Count);
    }

    private sealed class CollectingProgress : IScanProgress
    {
        public List<(string, int)> Discovered { get; } = [];

        public List<ScopeInventory> Finished { get; } = [];

        public void ScopesDiscovered(string provider, int count)
        {
            lock (Discovered)
            {
                Discovered.Add((provider, count));
            }
        }

        public void ScopeFinished(ScopeInventory inventory)
        {
            lock (Finished)
            {
                Finished.Add(inventory);
            }
        }
    }
}
