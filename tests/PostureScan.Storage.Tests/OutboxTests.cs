using System.Collections;
using PostureScan.Core.Attribution;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

/// <summary>The delivery outbox: queued with the run in its transaction, per sink by subscription, in order; states and retry.</summary>
public abstract class OutboxTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    private static readonly SinkSubscription Everything = new(Severity.Info, Enum.GetValues<DeliveryEventKind>().ToHashSet());

    private static readonly SinkSubscription CriticalNew = new(Severity.Critical, new HashSet<DeliveryEventKind> { DeliveryEventKind.NewFinding });

    [Fact]
    public async Task A_stored_run_queues_each_sink_the_events_it_subscribes_to_in_order_with_keys_that_do_not_name_the_sink()
    {
        var run = Some.Run();
        var critical = Some.Finding(status: FindingStatus.New, severity: Severity.Critical);
        var high = Some.Finding(Hostile.Strings[1], status: FindingStatus.New, severity: Severity.High);
        var resolved = Some.Finding(status: FindingStatus.Resolved, severity: Severity.Medium);
        var open = Some.Finding(status: FindingStatus.Open);
        var evaluation = Some.Evaluation(run, high, open, critical, resolved);
        var audit = Audit(Some.Attribution(critical.ResourceId, actor: "arn:aws:iam::111122223333:user/mallory", sourceIp: "203.0.113.9"));
        await using var store = await OpenAsync();
        store.DeliveryRoute = new OutboxRoute([("siem", Everything), ("pager", CriticalNew)], "reports/latest.html");

        await store.SaveRunAsync(run, evaluation, audit, None);

        var siem = await store.GetPendingAsync("siem", 100, None);
        Assert.Equal(
            [DeliveryEventKind.ScopeError, DeliveryEventKind.NewFinding, DeliveryEventKind.NewFinding, DeliveryEventKind.ResolvedFinding, DeliveryEventKind.RunSummary],
            siem.Select(e => e.Event.Kind));
        Assert.Equal([high.Id, critical.Id, resolved.Id], siem.Where(e => e.Event.Finding is not null).Select(e => e.Event.Finding!.FindingId));
        Assert.True(siem.Select(e => e.Id).SequenceEqual(siem.Select(e => e.Id).Order()));
        Assert.All(siem, e => Assert.Equal((OutboxState.Pending, 0, Time.GetUtcNow()), (e.State, e.Attempts, e.QueuedAt)));

        var pager = Assert.Single(await store.GetPendingAsync("pager", 100, None));
        Assert.Equal(critical.Id, pager.Event.Finding!.FindingId);
        Assert.Equal(siem[2].Event.IdempotencyKey, pager.Event.IdempotencyKey);
        Assert.Equal(new DeliveredAttribution("attributed", "arn:aws:iam::111122223333:user/mallory", "203.0.113.9", Some.Time.AddDays(-3)), pager.Event.Finding.Attribution);
        Assert.Equal("T1020.001", pager.Event.Finding.Technique);
        Assert.Equal(Hostile.Strings[1], siem[1].Event.Finding!.ResourceId);

        var summary = siem[^1].Event.Summary!;
        Assert.Equal((3, 1, 2, 2, 1, "reports/latest.html"), (summary.Scopes, summary.ScopesFailed, summary.Sessions, summary.NewFindings, summary.ResolvedFindings, summary.ReportPath));
        Assert.Equal([critical.Id, high.Id], summary.TopNewFindings.Select(f => f.FindingId));
        Assert.Equal(2, summary.ActiveBySeverity["high"]);
        Assert.Equal(Severity.Critical, siem[^1].Event.Severity);
        Assert.Equal(5, siem.Select(e => e.Event.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task A_run_whose_events_cannot_be_queued_is_not_stored_and_a_run_that_fails_queues_nothing()
    {
        var run = Some.Run();
        await using var store = await OpenAsync();
        store.DeliveryRoute = new OutboxRoute([("siem", Everything), ("broken", new SinkSubscription(Severity.Info, new ThrowingSet()))]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveRunAsync(run, Some.Evaluation(run, Some.Finding()), None));
        Assert.Empty(await store.ListRunsAsync(None));
        Assert.Empty(await store.ListOutboxAsync(null, null, None));

        store.DeliveryRoute = new OutboxRoute([("siem", Everything)]);
        await store.SaveRunAsync(run, Some.Evaluation(run, Some.Finding()), None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveRunAsync(run, Some.Evaluation(run, Some.Finding()), None));
        Assert.Equal(3, (await store.ListOutboxAsync(null, null, None)).Count); // scope error, finding, summary: once
    }

    [Fact]
    public async Task A_staged_run_queues_its_events_when_committed_and_only_once()
    {
        await using var store = await OpenAsync();
        store.DeliveryRoute = new OutboxRoute([("siem", Everything)]);
        var west = Some.Scope(region: "eu-west-1");
        var plan = new StagedRunPlan("run-staged-outbox", Some.Time, ["aws"], [west], []);
        await store.BeginStagedRunAsync(plan, None);
        await store.StageScopeAsync(plan.RunId, new ScopeInventory(Some.ScopeOk(west), [Some.Session("tms-1", west)]), None);
        Assert.Empty(await store.ListOutboxAsync(null, null, None));

        var run = (await store.GetStagedRunAsync(plan.RunId, None))!.ToRun(Some.Time.AddMinutes(5), "not collected");
        var evaluation = Some.Evaluation(run, Some.Finding("tms-1"));
        Assert.True(await store.CommitStagedRunAsync(run, evaluation, null, None));
        Assert.False(await store.CommitStagedRunAsync(run, evaluation, null, None));

        Assert.Equal([DeliveryEventKind.NewFinding, DeliveryEventKind.RunSummary], (await store.ListOutboxAsync(null, null, None)).Select(e => e.Event.Kind));
    }

    [Fact]
    public async Task Rows_move_from_pending_to_delivered_or_dead_and_retry_queues_dead_letters_again()
    {
        var run = Some.Run(scopes: [Some.ScopeOk()]);
        await using var store = await OpenAsync();
        store.DeliveryRoute = new OutboxRoute([("siem", Everything), ("chat", Everything)]);
        await store.SaveRunAsync(run, Some.Evaluation(run, Some.Finding(), Some.Finding()), None);
        var siem = await store.GetPendingAsync("siem", 2, None);
        Assert.Equal(2, siem.Count);

        var at = Some.Time.AddMinutes(1);
        await store.RecordAttemptAsync([siem[0].Id, siem[1].Id], at, "HTTP 503 Service Unavailable", None);
        await store.RecordAttemptAsync([siem[0].Id], at, null, None);
        await store.MarkDeliveredAsync([siem[0].Id], at, None);
        await store.MarkDeadAsync([siem[1].Id], "HTTP 400 Bad Request", at, None);
        await store.MarkDeliveredAsync([siem[1].Id], at, None); // a dead letter is not delivered by a late answer

        var delivered = Assert.Single(await store.ListOutboxAsync(OutboxState.Delivered, null, None));
        Assert.Equal((siem[0].Id, 2, at, (string?)null), (delivered.Id, delivered.Attempts, delivered.DeliveredAt, delivered.LastError));
        var dead = Assert.Single(await store.ListOutboxAsync(OutboxState.Dead, "siem", None));
        Assert.Equal((siem[1].Id, 1, "HTTP 400 Bad Request"), (dead.Id, dead.Attempts, dead.LastError));
        Assert.Equal(3, (await store.ListOutboxAsync(OutboxState.Pending, "chat", None)).Count);
        Assert.Single(await store.GetPendingAsync("siem", 10, None)); // the summary

        Assert.Equal(0, await store.RetryDeadAsync("chat", null, None));
        Assert.Equal(0, await store.RetryDeadAsync(null, siem[0].Id, None));
        Assert.Equal(1, await store.RetryDeadAsync("siem", siem[1].Id, None));
        var again = await store.GetPendingAsync("siem", 10, None);
        Assert.Equal((siem[1].Id, 0), (again[0].Id, again[0].Attempts));
        Assert.Equal(siem[1].Event.IdempotencyKey, again[0].Event.IdempotencyKey);
    }

    private static AuditRunRecord Audit(params Attribution[] attributions) => new(
        [],
        [],
        [],
        new AttributionReport(
            [.. attributions.Select(a => new SessionAttribution(a.ResourceId, Some.Scope(), [new AttributedPart("session", a)]))],
            [],
            [],
            []));

    /// <summary>A subscription that breaks while the events are queued, to prove the run goes with them.</summary>
    private sealed class ThrowingSet : IReadOnlySet<DeliveryEventKind>
    {
        public int Count => throw new InvalidOperationException("subscription broken");

        public bool Contains(DeliveryEventKind item) => throw new InvalidOperationException("subscription broken");

        public IEnumerator<DeliveryEventKind> GetEnumerator() => throw new InvalidOperationException("subscription broken");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool IsProperSubsetOf(IEnumerable<DeliveryEventKind> other) => throw new NotSupportedException();

        public bool IsProperSupersetOf(IEnumerable<DeliveryEventKind> other) => throw new NotSupportedException();

        public bool IsSubsetOf(IEnumerable<DeliveryEventKind> other) => throw new NotSupportedException();

        public bool IsSupersetOf(IEnumerable<DeliveryEventKind> other) => throw new NotSupportedException();

        public bool Overlaps(IEnumerable<DeliveryEventKind> other) => throw new NotSupportedException();

        public bool SetEquals(IEnumerable<DeliveryEventKind> other) => throw new NotSupportedException();
    }
}
