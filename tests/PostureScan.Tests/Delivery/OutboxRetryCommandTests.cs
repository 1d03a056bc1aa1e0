using System.Globalization;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests.Delivery;

/// <summary><c>outbox retry</c> as a user runs it: a named dead letter that is not there is a usage error, not "0 queued".</summary>
public sealed class OutboxRetryCommandTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task An_id_that_names_no_dead_letter_is_a_usage_error_and_changes_nothing()
    {
        using var dir = new TemporaryDirectory();
        var db = dir.File("outbox.db");
        var (dead, pending) = await StoreWithOneDeadLetterAsync(db);

        foreach (var args in new[]
        {
            new[] { "--id", "999" },
            ["--id", Text(pending)],
            ["--id", Text(dead), "--sink", "other"],
        })
        {
            var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, ["outbox", "retry", "--db", db, .. args]);

            Assert.True(exit == 2, $"{string.Join(' ', args)}: exit {exit}, {stdout}{stderr}");
            Assert.Contains($"error: outbox retry: no dead letter has id {args[1]}", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("queued again", stdout, StringComparison.Ordinal);
        }

        Assert.Equal(OutboxState.Dead, (await RowAsync(db, dead)).State);
        Assert.Equal(OutboxState.Pending, (await RowAsync(db, pending)).State);
    }

    [Fact]
    public async Task A_dead_letter_named_by_id_is_queued_again_and_all_dead_may_find_none()
    {
        using var dir = new TemporaryDirectory();
        var db = dir.File("outbox.db");
        var (dead, _) = await StoreWithOneDeadLetterAsync(db);

        var one = await CliProcess.RunAsync(dir.Path, "outbox", "retry", "--db", db, "--sink", "hooks", "--id", Text(dead));
        Assert.True(one.Exit == 0, one.Err);
        Assert.Contains("1 dead letter queued again", one.Out, StringComparison.Ordinal);
        var row = await RowAsync(db, dead);
        Assert.Equal((OutboxState.Pending, 0), (row.State, row.Attempts));

        // Every dead letter, when there is none, is a count of zero: nothing was named that could be missing.
        var all = await CliProcess.RunAsync(dir.Path, "outbox", "retry", "--db", db, "--all-dead");
        Assert.True(all.Exit == 0, all.Err);
        Assert.Contains("0 dead letters queued again", all.Out, StringComparison.Ordinal);
    }

    /// <summary>A store with one run's events for sink "hooks": the first row dead after two tries, the rest pending.</summary>
    private static async Task<(long Dead, long Pending)> StoreWithOneDeadLetterAsync(string db)
    {
        await using var store = await SqliteRunStore.OpenAsync(db, TimeProvider.System, None);
        store.DeliveryRoute = new OutboxRoute([("hooks", new SinkSubscription(Severity.Info, Enum.GetValues<DeliveryEventKind>().ToHashSet()))]);
        var run = Some.Run();
        await store.SaveRunAsync(run, Some.Evaluation(run, Some.Finding()), None);
        var rows = await store.ListOutboxAsync(null, "hooks", None);
        await store.RecordAttemptAsync([rows[0].Id], Some.Time, "HTTP 500", None);
        await store.RecordAttemptAsync([rows[0].Id], Some.Time, "HTTP 500", None);
        await store.MarkDeadAsync([rows[0].Id], "gave up after 2 tries: HTTP 500", Some.Time, None);
        return (rows[0].Id, rows[1].Id);
    }

    private static async Task<OutboxEntry> RowAsync(string db, long id)
    {
        await using var store = await SqliteRunStore.OpenAsync(db, TimeProvider.System, None);
        return Assert.Single(await store.ListOutboxAsync(null, null, None), r => r.Id == id);
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
