using Dapper;
using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

/// <summary>Audit events stored once each, checkpoints that make the next read incremental, and attributions kept with the run.</summary>
public abstract class AuditIngestionTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    private static readonly Scope Ireland = new(Providers.Aws, Some.Account, "eu-west-1");

    private static string Record(string eventId, string name, string sessionId, DateTimeOffset time, string ip = "192.0.2.10") =>
        $$$$"""{"eventVersion":"1.10","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::{{{{Some.Account}}}}:user/ops","accountId":"{{{{Some.Account}}}}"},"eventTime":"{{{{time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}}}","eventSource":"ec2.amazonaws.com","eventName":"{{{{name}}}}","awsRegion":"eu-west-1","sourceIPAddress":"{{{{ip}}}}","requestParameters":{"{{{{name}}}}Request":{"TrafficMirrorSessionId":"{{{{sessionId}}}}"}},"responseElements":{"{{{{name}}}}Response":{"trafficMirrorSession":{"trafficMirrorSessionId":"{{{{sessionId}}}}","tagSet":""}}},"eventID":"{{{{eventId}}}}","recipientAccountId":"{{{{Some.Account}}}}"}""";

    private static ScanRun RunWith(DateTimeOffset started, params string[] sessionIds) =>
        Some.Run(started, [Some.ScopeOk(Ireland)], [.. sessionIds.Select(id => Some.Session(id: id, scope: Ireland))]);

    private async Task<AuditRunRecord> ScanAsync(RunStore store, ScanRun run, IAuditSource source)
    {
        var ingestion = await new AuditIngestor([source], store, TimeSpan.FromDays(90)).IngestAsync([Ireland], Time.GetUtcNow(), None);
        var report = AttributionCorrelator.Correlate(new CorrelationInput(
            run.Sessions, ingestion.AllEvents, ingestion.Coverage, Time.GetUtcNow().AddDays(-90), CreationBounds.From(await store.GetLatestRunAsync(None), run)));
        var record = ingestion.ToRecord(report);
        await store.SaveRunAsync(run, null, record, None);
        return record;
    }

    [Fact]
    public async Task The_second_scan_reads_only_new_files_and_rereading_stores_no_duplicate()
    {
        var logs = Directory.CreateDirectory(Folder.File("logs")).FullName;
        var day = Time.GetUtcNow().AddDays(-10);
        await File.WriteAllLinesAsync(Path.Combine(logs, "a.jsonl"), [
            Record("ev-1", "CreateTrafficMirrorSession", "tms-00000000000000001", day),
            Record("ev-2", "ModifyTrafficMirrorSession", "tms-00000000000000001", day.AddHours(1))]);
        var source = new FileAuditSource("files", [logs]);
        await using var store = await OpenAsync();

        var first = await ScanAsync(store, RunWith(Time.GetUtcNow(), "tms-00000000000000001"), source);

        Assert.Equal(2, first.NewEvents.Count);
        Assert.Equal(AttributionState.Attributed, first.Report.Sessions[0].Session.State);

        // A new file arrives, repeating one event of the first; the first file is unchanged.
        Time.Advance(TimeSpan.FromDays(1));
        await File.WriteAllLinesAsync(Path.Combine(logs, "b.jsonl"), [
            Record("ev-2", "ModifyTrafficMirrorSession", "tms-00000000000000001", day.AddHours(1)),
            Record("ev-3", "CreateTrafficMirrorSession", "tms-00000000000000002", day.AddDays(2))]);
        var second = await ScanAsync(store, RunWith(Time.GetUtcNow(), "tms-00000000000000001", "tms-00000000000000002"), source);

        var whole = Assert.Single(second.Sources, s => s.Scope is null);
        Assert.Equal(2, whole.Matched); // b.jsonl only
        Assert.Equal(["ev-3"], second.NewEvents.Select(e => e.Key));
        Assert.Equal(3, await CountAsync(store, "audit_events"));
        Assert.All(second.Report.Sessions, s => Assert.Equal(AttributionState.Attributed, s.Session.State));
        Assert.Equal("ev-2", Assert.Single(second.Report.Sessions[0].Session.Changes).EventId);

        // Rewritten (a new write time): read again whole, and nothing is stored twice.
        Time.Advance(TimeSpan.FromDays(1));
        File.SetLastWriteTimeUtc(Path.Combine(logs, "a.jsonl"), DateTime.UnixEpoch.AddYears(50));
        var third = await ScanAsync(store, RunWith(Time.GetUtcNow(), "tms-00000000000000001"), source);

        Assert.Equal(2, Assert.Single(third.Sources, s => s.Scope is null).Matched);
        Assert.Empty(third.NewEvents);
        Assert.Equal(3, await CountAsync(store, "audit_events"));
        Assert.Equal(2, await CountAsync(store, "audit_checkpoints"));
    }

    [Fact]
    public async Task An_unreadable_source_is_recorded_and_leaves_the_run_stored_with_its_source_unavailable()
    {
        await using var store = await OpenAsync();
        var run = RunWith(Time.GetUtcNow(), "tms-00000000000000009");

        var record = await ScanAsync(store, run, new FileAuditSource("files", [Folder.File("no-such-folder")]));

        var status = Assert.Single(record.Sources);
        Assert.Equal(AuditSourceFailureKind.NotFound, status.Failure!.Kind);
        Assert.Equal(AttributionState.SourceUnavailable, record.Report.Sessions[0].Session.State);
        Assert.NotNull(await store.GetRunAsync(run.Id, None));
        var stored = await store.GetAuditRunAsync(run.Id, None);
        Assert.Equal(AuditSourceFailureKind.NotFound, Assert.Single(stored!.Sources).Failure!.Kind);
        Assert.False(Assert.Single(stored.Report.Scopes).Available);
    }

    [Fact]
    public async Task A_run_stored_by_an_earlier_version_with_state_unknown_reads_as_source_unavailable()
    {
        await using var store = await OpenAsync();
        var run = RunWith(Time.GetUtcNow(), "tms-00000000000000009");
        await ScanAsync(store, run, new FileAuditSource("files", [Folder.File("no-such-folder")]));
        await using (var connection = await store.OpenConnectionAsync(None))
        {
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM session_attributions WHERE state = 'sourceUnavailable' AND record_json LIKE '%\"sourceUnavailable\"%'"));
            // What earlier versions wrote for this state, in the column and in the JSON of every part.
            Assert.Equal(1, await connection.ExecuteAsync("""UPDATE session_attributions SET state = 'unknown', record_json = REPLACE(record_json, '"sourceUnavailable"', '"unknown"')"""));
        }

        var stored = await store.GetAuditRunAsync(run.Id, None);

        var session = Assert.Single(stored!.Report.Sessions);
        Assert.All(session.Parts, p => Assert.Equal(AttributionState.SourceUnavailable, p.Attribution.State));
        Assert.Contains("files", session.Session.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_attribution_reads_back_as_it_was_stored()
    {
        var logs = Directory.CreateDirectory(Folder.File("logs")).FullName;
        // CloudTrail logs whole seconds.
        var created = DateTimeOffset.FromUnixTimeSeconds(Time.GetUtcNow().AddDays(-3).ToUnixTimeSeconds());
        await File.WriteAllLinesAsync(Path.Combine(logs, "a.jsonl"), [
            Record("ev-1", "CreateTrafficMirrorSession", "tms-00000000000000001", created, "203.0.113.9"),
            Record("ev-5", "CreateTrafficMirrorSession", "tms-00000000000000005", created),
            Record("ev-6", "DeleteTrafficMirrorSession", "tms-00000000000000005", created.AddMinutes(30))]);
        await using var store = await OpenAsync();
        var run = RunWith(Time.GetUtcNow(), "tms-00000000000000001");

        var record = await ScanAsync(store, run, new FileAuditSource("files", [logs]));
        var stored = await store.GetAuditRunAsync(run.Id, None);

        var session = stored!.Session("TMS-00000000000000001");
        Assert.NotNull(session);
        Assert.Equal("203.0.113.9", session.Session.SourceIp);
        Assert.Equal(created, session.Session.CreatedAt);
        Assert.Equal(record.Report.Sessions[0].Parts.Select(p => (p.Kind, p.Attribution.ResourceId, p.Attribution.State)), session.Parts.Select(p => (p.Kind, p.Attribution.ResourceId, p.Attribution.State)));
        Assert.Equal("tms-00000000000000005", Assert.Single(stored.Report.DeletedMirrors).ResourceId);
        Assert.Equal(TimeSpan.FromMinutes(30), stored.Report.DeletedMirrors[0].Lifetime);
        var events = await store.GetAuditEventsAsync(None);
        Assert.Equal(["ev-1", "ev-5", "ev-6"], events.Select(e => e.EventId).Order());
        Assert.Equal("203.0.113.9", events.Single(e => e.EventId == "ev-1").SourceIp);
    }
}
