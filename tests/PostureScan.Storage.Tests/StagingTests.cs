using PostureScan.Core.Scanning;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

/// <summary>Staged runs: plan, scopes staged (and staged again), one commit, nothing visible before it.</summary>
public abstract class StagingTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    [Fact]
    public async Task A_staged_run_is_invisible_until_committed_and_a_scope_staged_again_replaces_its_sessions()
    {
        await using var store = await OpenAsync();
        var west = Some.Scope(region: "eu-west-1");
        var east = Some.Scope(region: "us-east-1");
        var broken = Some.ScopeFailed(Some.Scope(account: "999999999999", region: "*"));
        var plan = new StagedRunPlan("run-staged-1", Some.Time, ["aws"], [west, east], [broken]);
        await store.BeginStagedRunAsync(plan, None);

        var first = await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-1", west), Some.Session("tms-2", west)]), None);
        Assert.Equal((3, 2, false), (first!.Planned, first.Staged, first.IsComplete));

        // A recovered job collects west again: its result replaces the first, never adds to it.
        var again = await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-3", west)]), None);
        Assert.Equal(2, again!.Staged);
        Assert.Empty(await store.ListRunsAsync(None));

        var staged = await store.GetStagedRunAsync(plan.RunId, None);
        Assert.Equal([east], staged!.Pending);
        Assert.Equal(["tms-3"], staged.Staged.SelectMany(s => s.Sessions).Select(s => s.Id));

        var last = await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeFailed(east), []), None);
        Assert.True(last!.IsComplete);

        var run = (await store.GetStagedRunAsync(plan.RunId, None))!.ToRun(Some.Time.AddMinutes(5), "not collected");
        Assert.True(await store.CommitStagedRunAsync(run, null, null, None));
        Assert.False(await store.CommitStagedRunAsync(run, null, null, None));

        var stored = await store.GetRunAsync(plan.RunId, None);
        Assert.Equal(3, stored!.Scopes.Count);
        Assert.Equal(2, stored.Scopes.Count(s => s.Status == ScopeStatus.Failed));
        Assert.Equal(["tms-3"], stored.Sessions.Select(s => s.Id));
        Assert.Empty(await store.ListStagedRunsAsync(None));
        Assert.Null(await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(west), []), None));
    }

    [Fact]
    public async Task A_run_closed_with_scopes_pending_stores_them_as_failed_and_an_unplanned_scope_is_refused()
    {
        await using var store = await OpenAsync();
        var west = Some.Scope(region: "eu-west-1");
        var east = Some.Scope(region: "us-east-1");
        var plan = new StagedRunPlan("run-staged-2", Some.Time, ["aws"], [west, east], []);
        await store.BeginStagedRunAsync(plan, None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.BeginStagedRunAsync(plan, None));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(Some.Scope(region: "ap-south-1")), []), None));

        await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-1", west)]), None);
        var run = (await store.GetStagedRunAsync(plan.RunId, None))!.ToRun(Some.Time.AddHours(7), "not collected");
        Assert.True(await store.CommitStagedRunAsync(run, null, null, None));

        var pending = Assert.Single((await store.GetRunAsync(plan.RunId, None))!.Scopes, s => s.Scope == east);
        Assert.Equal((ScopeStatus.Failed, ScopeErrorKind.Cancelled), (pending.Status, pending.ErrorKind));
    }

    [Fact]
    public async Task A_planning_run_grows_its_plan_and_is_complete_only_once_its_plan_ends()
    {
        await using var store = await OpenAsync();
        var west = Some.Scope(region: "eu-west-1");
        var east = Some.Scope(region: "us-east-1");
        var broken = Some.ScopeFailed(Some.Scope(account: "999999999999", region: "*"));
        var plan = new StagedRunPlan("run-planning-1", Some.Time, ["aws"], [west], [], Planning: true);
        await store.BeginStagedRunAsync(plan, None);

        // Every scope planned so far is staged, but discovery goes on: not complete.
        var first = await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-1", west)]), None);
        Assert.Equal((1, 1, true, false), (first!.Planned, first.Staged, first.Planning, first.IsComplete));

        var grown = await store.AddPlannedScopesAsync(plan.RunId, [east], None);
        Assert.Equal((2, 1, false), (grown!.Planned, grown.Staged, grown.IsComplete));
        await Assert.ThrowsAnyAsync<Exception>(() => store.AddPlannedScopesAsync(plan.RunId, [east], None));
        Assert.Equal([east], (await store.GetStagedRunAsync(plan.RunId, None))!.Pending);

        var second = await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(east), []), None);
        Assert.False(second!.IsComplete);
        Assert.True((await store.ListStagedRunsAsync(None)).Single().Planning);

        // Ending the plan stages the discovery's failures; with every scope staged, the run is complete there.
        var ended = await store.EndPlanningAsync(plan.RunId, [broken], None);
        Assert.Equal((3, 3, false, true), (ended!.Planned, ended.Staged, ended.Planning, ended.IsComplete));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddPlannedScopesAsync(plan.RunId, [Some.Scope(region: "ap-south-1")], None));

        var run = (await store.GetStagedRunAsync(plan.RunId, None))!.ToRun(Some.Time.AddMinutes(5), "not collected");
        Assert.True(await store.CommitStagedRunAsync(run, null, null, None));
        var stored = await store.GetRunAsync(plan.RunId, None);
        Assert.Equal(new[] { broken.Scope, west, east }.OrderBy(s => s.Key, StringComparer.Ordinal), stored!.Scopes.Select(s => s.Scope));
        Assert.Equal(["tms-1"], stored.Sessions.Select(s => s.Id));
        Assert.Null(await store.AddPlannedScopesAsync(plan.RunId, [east], None));
        Assert.Null(await store.EndPlanningAsync(plan.RunId, [], None));
    }

    [Fact]
    public async Task A_run_closed_while_still_planning_stores_each_provider_as_failed_beside_its_staged_scopes()
    {
        await using var store = await OpenAsync();
        var west = Some.Scope(region: "eu-west-1");
        var plan = new StagedRunPlan("run-planning-2", Some.Time, ["aws", "gcp"], [west], [], Planning: true);
        await store.BeginStagedRunAsync(plan, None);
        await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-1", west)]), None);

        var staged = await store.GetStagedRunAsync(plan.RunId, None);
        Assert.True(staged!.Planning);
        Assert.True(await store.CommitStagedRunAsync(staged.ToRun(Some.Time.AddHours(7), "not collected"), null, null, None));

        var stored = await store.GetRunAsync(plan.RunId, None);
        Assert.Equal(ScopeStatus.Ok, Assert.Single(stored!.Scopes, s => s.Scope == west).Status);
        var undiscovered = stored.Scopes.Where(s => s.Scope.Region == "*").ToList();
        Assert.Equal(["aws", "gcp"], undiscovered.Select(s => s.Scope.Provider).Order(StringComparer.Ordinal));
        Assert.All(undiscovered, s => Assert.Equal((ScopeStatus.Failed, "*", StagedRun.UndiscoveredReason), (s.Status, s.Scope.Account, s.Error)));
        Assert.Equal(["tms-1"], stored.Sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task An_abandoned_staged_run_leaves_nothing_behind()
    {
        await using var store = await OpenAsync();
        var west = Some.Scope(region: "eu-west-1");
        var plan = new StagedRunPlan("run-staged-3", Some.Time, ["aws"], [west], []);
        await store.BeginStagedRunAsync(plan, None);
        await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-1", west)]), None);

        await store.AbandonStagedRunAsync(plan.RunId, None);

        Assert.Null(await store.GetStagedRunAsync(plan.RunId, None));
        Assert.Empty(await store.ListStagedRunsAsync(None));
        Assert.Empty(await store.ListRunsAsync(None));
    }

    [Fact]
    public async Task Scopes_staged_together_see_their_runs_progress_one_after_the_other_and_a_closed_run_drops_only_its_own()
    {
        await using var store = await OpenAsync();
        var regions = new[] { "eu-west-1", "us-east-1", "ap-south-1" };
        var scopes = regions.Select(r => Some.Scope(region: r)).ToList();
        var open = new StagedRunPlan("run-staged-b", Some.Time, ["aws"], scopes, []);
        var closed = new StagedRunPlan("run-staged-a", Some.Time, ["aws"], [scopes[0]], []);
        await store.BeginStagedRunAsync(open, None);
        await store.BeginStagedRunAsync(closed, None);
        await store.AbandonStagedRunAsync(closed.RunId, None);

        // Given out of run order (b, a, b, b): the answers come back in the order given.
        var progress = await store.StageScopesAsync(
        [
            new(open.RunId, new ScopeInventory(Some.ScopeOk(scopes[2]), [Some.Session("tms-3", scopes[2])])),
            new(closed.RunId, new ScopeInventory(Some.ScopeOk(scopes[0]), [Some.Session("tms-late", scopes[0])])),
            new(open.RunId, new ScopeInventory(Some.ScopeOk(scopes[0]), [Some.Session("tms-1", scopes[0])])),
            new(open.RunId, new ScopeInventory(Some.ScopeFailed(scopes[1]), [])),
        ], None);

        Assert.Equal([1, -1, 2, 3], progress.Select(p => p?.Staged ?? -1));
        Assert.Equal([false, false, false, true], progress.Select(p => p?.IsComplete ?? false));
        var staged = await store.GetStagedRunAsync(open.RunId, None);
        Assert.Empty(staged!.Pending);
        Assert.Equal(["tms-1", "tms-3"], staged.Staged.SelectMany(s => s.Sessions).Select(s => s.Id).Order());
    }

    [Fact]
    public async Task A_batch_with_a_scope_its_run_did_not_plan_stages_none_of_them()
    {
        await using var store = await OpenAsync();
        var west = Some.Scope(region: "eu-west-1");
        var plan = new StagedRunPlan("run-staged-c", Some.Time, ["aws"], [west, Some.Scope(region: "us-east-1")], []);
        await store.BeginStagedRunAsync(plan, None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.StageScopesAsync(
        [
            new(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-1", west)])),
            new(plan.RunId, new ScopeInventory(Some.ScopeOk(Some.Scope(region: "ap-south-1")), [])),
        ], None));

        var progress = Assert.Single(await store.ListStagedRunsAsync(None));
        Assert.Equal((2, 0), (progress.Planned, progress.Staged));
        Assert.Empty((await store.GetStagedRunAsync(plan.RunId, None))!.Staged);
    }

    [Fact]
    public async Task A_scope_named_with_characters_the_database_cannot_hold_is_staged_under_its_stored_name()
    {
        // The plan stores a NUL or a lone surrogate as U+FFFD; staging looked the scope up by its raw name, and the
        // scope was refused as unplanned (SQLite) or by the server (PostgreSQL), so its run never completed.
        await using var store = await OpenAsync();
        var hostile = Some.Scope(account: "1234\0evil\uD800");
        var plain = Some.Scope(region: "us-east-1");
        var plan = new StagedRunPlan("run-staged-d", Some.Time, ["aws"], [hostile, plain], []);
        await store.BeginStagedRunAsync(plan, None);

        var progress = await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(hostile), [Some.Session("tms-1", hostile)]), None);

        Assert.Equal(1, progress!.Staged);
        var staged = await store.GetStagedRunAsync(plan.RunId, None);
        Assert.Equal([plain], staged!.Pending);
        Assert.Equal(["tms-1"], staged.Staged.SelectMany(s => s.Sessions).Select(s => s.Id));
    }

    [Fact]
    public async Task A_scope_staged_twice_in_one_batch_counts_once_and_keeps_the_later_sessions()
    {
        await using var store = await OpenAsync();
        var west = Some.Scope(region: "eu-west-1");
        var east = Some.Scope(region: "us-east-1");
        var plan = new StagedRunPlan("run-staged-e", Some.Time, ["aws"], [west, east], []);
        await store.BeginStagedRunAsync(plan, None);

        var progress = await store.StageScopesAsync(
        [
            new(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-1", west), Some.Session("tms-2", west)])),
            new(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-3", west)])),
            new(plan.RunId, new ScopeInventory(Some.ScopeOk(east), [Some.Session("tms-4", east)])),
        ], None);

        Assert.Equal([1, 1, 2], progress.Select(p => p!.Staged));
        Assert.Equal([false, false, true], progress.Select(p => p!.IsComplete));
        var staged = await store.GetStagedRunAsync(plan.RunId, None);
        Assert.Equal(["tms-3", "tms-4"], staged!.Staged.SelectMany(s => s.Sessions).Select(s => s.Id).Order());
        var restaged = await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(east), []), None);
        Assert.Equal(2, restaged!.Staged);
    }
}
