using PostureScan.Core.Findings;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

public abstract class LatestAndListTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    [Fact]
    public async Task An_empty_store_has_no_latest_run_and_lists_nothing()
    {
        await using var store = await OpenAsync();

        Assert.Null(await store.GetLatestRunAsync(None));
        Assert.Empty(await store.ListRunsAsync(None));
    }

    [Fact]
    public async Task The_latest_run_is_the_last_started_not_the_last_saved()
    {
        var early = Some.Run(startedAt: Some.Time);
        var late = Some.Run(startedAt: Some.Time.AddHours(2));
        var middle = Some.Run(startedAt: Some.Time.AddHours(1));
        await using var store = await OpenAsync();
        foreach (var run in new[] { late, early, middle })
        {
            await store.SaveRunAsync(run, None);
        }

        var latest = await store.GetLatestRunAsync(None);

        Deep.Equal(late, latest);
    }

    [Fact]
    public async Task Runs_started_at_the_same_instant_are_ordered_by_id()
    {
        var b = Some.Run(id: "20261127T020000Z-bbbbbb");
        var a = Some.Run(id: "20261127T020000Z-aaaaaa");
        await using var store = await OpenAsync();
        await store.SaveRunAsync(b, None);
        await store.SaveRunAsync(a, None);

        Assert.Equal(b.Id, (await store.GetLatestRunAsync(None))!.Id);
        Assert.Equal([b.Id, a.Id], (await store.ListRunsAsync(None)).Select(r => r.Id));
    }

    [Fact]
    public async Task The_list_is_newest_first_with_counts()
    {
        var older = Some.Run(startedAt: Some.Time, scopes: [Some.ScopeOk()], sessions: Some.Sessions(4));
        var newer = Some.Run(startedAt: Some.Time.AddDays(1));
        var newest = Some.Run(startedAt: Some.Time.AddDays(2), scopes: [Some.ScopeFailed(), Some.ScopeFailed(Some.Scope(region: "x"))], sessions: []);
        await using var store = await OpenAsync();
        await store.SaveRunAsync(newer, None);
        await store.SaveRunAsync(older, None);
        await store.SaveRunAsync(newest, None);

        var list = await store.ListRunsAsync(None);

        Assert.Equal([newest.Id, newer.Id, older.Id], list.Select(r => r.Id));
        Assert.Equal((2, 2, 0), (list[0].Scopes, list[0].FailedScopes, list[0].Sessions));
        Assert.Equal((3, 1, 2), (list[1].Scopes, list[1].FailedScopes, list[1].Sessions));
        Assert.Equal((1, 0, 4), (list[2].Scopes, list[2].FailedScopes, list[2].Sessions));
        Assert.Equal(newer.StartedAt, list[1].StartedAt);
        Assert.Equal(newer.FinishedAt, list[1].FinishedAt);
    }

    [Fact]
    public async Task An_empty_store_has_no_latest_finish_and_no_active_findings()
    {
        await using var store = await OpenAsync();

        var latest = await store.GetLatestRunsAsync(None);

        Assert.Null(latest.LastRunFinishedAt);
        Assert.Null(latest.LastCompleteRunFinishedAt);
        Assert.Equal(Enum.GetValues<Severity>(), latest.ActiveFindings.Keys.Order());
        Assert.All(latest.ActiveFindings.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task The_latest_runs_are_the_last_started_the_last_without_a_failed_scope_and_the_last_evaluated()
    {
        // Oldest first: complete and evaluated, complete and evaluated, partial and not evaluated.
        var older = Some.Run(startedAt: Some.Time, scopes: [Some.ScopeOk()], sessions: []);
        var evaluated = Some.Run(startedAt: Some.Time.AddDays(1), scopes: [Some.ScopeOk()], sessions: []);
        var newest = Some.Run(startedAt: Some.Time.AddDays(2));
        await using var store = await OpenAsync();
        await store.SaveRunAsync(older, Some.Evaluation(older, Some.Finding(severity: Severity.Critical)), None);
        await store.SaveRunAsync(newest, None);
        await store.SaveRunAsync(evaluated, Some.Evaluation(
            evaluated,
            Some.Finding(severity: Severity.High),
            Some.Finding(severity: Severity.High, status: FindingStatus.Open),
            Some.Finding(severity: Severity.High, status: FindingStatus.Resolved),
            Some.Finding(severity: Severity.Medium, status: FindingStatus.Suppressed),
            Some.Finding(severity: Severity.Low, status: FindingStatus.Error),
            Some.Finding(severity: Severity.Info)), None);

        var latest = await store.GetLatestRunsAsync(None);

        Assert.Equal(newest.FinishedAt, latest.LastRunFinishedAt);
        Assert.Equal(evaluated.FinishedAt, latest.LastCompleteRunFinishedAt);
        Assert.Equal(
            new Dictionary<Severity, int> { [Severity.Info] = 1, [Severity.Low] = 0, [Severity.Medium] = 0, [Severity.High] = 2, [Severity.Critical] = 0 },
            latest.ActiveFindings);
    }
}
