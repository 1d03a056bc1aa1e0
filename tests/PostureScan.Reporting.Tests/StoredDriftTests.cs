using PostureScan.Core.Drift;
using PostureScan.Reporting.Tests.Support;

namespace PostureScan.Reporting.Tests;

/// <summary>Drift between two runs read back from a real store, one of them with a failed scope.</summary>
public sealed class StoredDriftTests
{
    [Fact]
    public async Task Latest_against_previous_finds_the_known_changes_and_skips_the_failed_scope()
    {
        await using var store = await FixedStore.CreateAsync();

        var drift = await store.Loader().LoadDriftAsync(null, null, CancellationToken.None);

        Assert.Equal((Estate.Run2, Estate.Run3), (drift.FromRunId, drift.ToRunId));
        Assert.Equal(
            [
                (DriftKind.Added, "tms-06"), (DriftKind.Removed, "tms-04"), (DriftKind.Retargeted, "tms-02"),
                (DriftKind.Refiltered, "tms-01"), (DriftKind.Disabled, "tms-03"), (DriftKind.Reattributed, "tms-02"),
                (DriftKind.Attempted, "tms-02"),
            ],
            drift.Changes.Select(c => (c.Kind, c.SessionId)).OrderBy(c => c.Kind));
        var skipped = Assert.Single(drift.Uncomparable);
        Assert.Equal(Estate.OtherEu, skipped.Scope);
        Assert.Contains("not authorized", skipped.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(drift.Changes, c => c.SessionId == "tms-05");
        Assert.Equal([Estate.EuWest.Key, Estate.UsEast.Key, Estate.Switch.Key], drift.ComparedScopes.Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Runs_chosen_by_id_and_unknown_ids_say_so()
    {
        await using var store = await FixedStore.CreateAsync();

        var unchanged = await store.Loader().LoadDriftAsync(Estate.Run1, Estate.Run2, CancellationToken.None);
        var first = await Assert.ThrowsAsync<ReportInputException>(() => store.Loader().LoadDriftAsync(null, Estate.Run1, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<ReportInputException>(() => store.Loader().LoadAsync("no-such-run", CancellationToken.None));

        Assert.Empty(unchanged.Changes);
        Assert.Equal(4, unchanged.ComparedScopes.Count);
        Assert.Contains("first in the store", first.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-run", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_carries_the_drift_the_trend_and_the_missing_attribution()
    {
        await using var store = await FixedStore.CreateAsync();

        var data = await store.Loader(withAttributions: false).LoadAsync(Estate.Run3, CancellationToken.None);
        var html = Html.HtmlReportWriter.Render(data);

        Assert.Equal([Estate.Run1, Estate.Run2, Estate.Run3], data.History.Select(p => p.RunId));
        Assert.Equal([1, null, 6], data.History.Select(p => p.ActiveFindings));
        Assert.Equal(5, data.Drift!.Changes.Count);
        Assert.Null(data.Attributions);
        Assert.Contains("not attributed yet", html, StringComparison.Ordinal);
        Assert.Equal(FixedStore.Now, data.GeneratedAt);
    }
}
