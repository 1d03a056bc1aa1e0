using System.Text.Json;
using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Drift;
using PostureScan.Core.Inventory;
using PostureScan.Core.Serialization;
using static PostureScan.Core.Tests.Correlation.Correlate;

namespace PostureScan.Core.Tests.Correlation;

/// <summary>
/// What counts as a change of an attributed resource: a call after its create event that the provider let through.
/// A call refused before the creation or after it changed nothing, so it is never the last change, but the timeline
/// keeps it as evidence.
/// </summary>
public sealed class ChangeTests
{
    private const string Logged = "projects/shop-prod/regions/europe-west1/packetMirrorings/pm-payments-debug";
    private const string SelfLink = $"https://www.googleapis.com/compute/v1/{Logged}";
    private const string Insert = "v1.compute.packetMirrorings.insert";
    private const string Patch = "v1.compute.packetMirrorings.patch";

    private static readonly Scope Project = new(Providers.Gcp, "shop-prod", "europe-west1");
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 19, 26, 38, TimeSpan.Zero);

    /// <summary>A Cloud Logging entry on the mirroring; an error code makes it a refused call (7 is PERMISSION_DENIED).</summary>
    private static AuditEvent Call(string id, string name, AuditAction action, DateTimeOffset time, string? errorCode = null) => new(
        time, AuditPlatform.Gcp, name, "pat@contractor-lab.example", "203.0.113.78", action,
        errorCode is null ? AuditOutcome.Success : AuditOutcome.Failure, errorCode, null,
        Project.Account, Project.Region, [Logged], id, "google-cloud-sdk gcloud/502.0.0", "compute.googleapis.com", null, AuditInput.FromApi("test"));

    private static AuditEvent Refused(DateTimeOffset time) => Call("gcp-denied", Insert, AuditAction.Create, time, "7");

    private static SessionAttribution Correlated(params AuditEvent[] events) =>
        Assert.Single(Run([Session(Project, SelfLink)], events, [Covered(Project, T0.AddDays(-30), T0.AddDays(2))]).Sessions);

    [Fact]
    public void A_create_refused_just_before_the_creation_is_not_the_last_change()
    {
        var created = T0.AddMinutes(5);

        var mirroring = Correlated(Refused(T0), Call("gcp-insert", Insert, AuditAction.Create, created)).Session;

        Assert.Equal((AttributionState.Attributed, created), (mirroring.State, mirroring.CreatedAt));
        Assert.Empty(mirroring.Changes);
        Assert.Equal(["gcp-insert"], mirroring.EventIds);
        // The one line every report and export shows: no change, so no "last change" before the creation.
        Assert.Equal($"created by pat@contractor-lab.example from 203.0.113.78 at {DriftText.Time(created)}", DriftText.Attribution(mirroring));
    }

    [Fact]
    public void A_name_deleted_and_created_again_is_attributed_to_its_latest_creator()
    {
        var recreated = T0.AddDays(2);
        AuditEvent By(AuditEvent e, string actor) => e with { Actor = actor };

        var mirroring = Correlated(
            By(Call("gcp-old-insert", Insert, AuditAction.Create, T0.AddDays(-10)), "alice@shop.example"),
            By(Call("gcp-old-delete", "v1.compute.packetMirrorings.delete", AuditAction.Delete, T0.AddDays(-5)), "alice@shop.example"),
            By(Call("gcp-new-insert", Insert, AuditAction.Create, recreated), "mallory@outsider.example")).Session;

        Assert.Equal(("mallory@outsider.example", recreated), (mirroring.Actor, mirroring.CreatedAt));
        Assert.Empty(mirroring.Changes);
        Assert.Equal(["gcp-old-insert", "gcp-old-delete"], mirroring.BeforeCreation.Select(c => c.EventId));
    }

    [Fact]
    public void A_change_after_the_creation_is_still_counted_and_the_last_change_is_never_before_the_creation()
    {
        var mirroring = Correlated(
            Refused(T0),
            Call("gcp-insert", Insert, AuditAction.Create, T0.AddMinutes(5)),
            Call("gcp-patch", Patch, AuditAction.Modify, T0.AddDays(1))).Session;

        Assert.Equal(["gcp-patch"], mirroring.Changes.Select(c => c.EventId));
        Assert.True(mirroring.Changes[^1].Time >= mirroring.CreatedAt, $"last change at {mirroring.Changes[^1].Time}, created at {mirroring.CreatedAt}");
        Assert.Equal(["gcp-insert", "gcp-patch"], mirroring.EventIds);
        Assert.Contains("; 1 change(s), last v1.compute.packetMirrorings.patch", DriftText.Attribution(mirroring), StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_refused_after_the_creation_is_kept_apart_and_is_not_the_last_change()
    {
        var session = Correlated(
            Call("gcp-insert", Insert, AuditAction.Create, T0),
            Call("gcp-patch", Patch, AuditAction.Modify, T0.AddHours(1)),
            Call("gcp-patch-denied", Patch, AuditAction.Modify, T0.AddHours(2), "7"));
        var mirroring = session.Session;

        Assert.Equal(["gcp-patch"], mirroring.Changes.Select(c => c.EventId));
        Assert.Equal(("gcp-patch-denied", "7"), Assert.Single(mirroring.Refused) is var r ? (r.EventId, r.ErrorCode) : default);
        Assert.Empty(mirroring.BeforeCreation);
        Assert.Equal(["gcp-insert", "gcp-patch", "gcp-patch-denied"], session.Timeline().Select(t => t.Change.EventId));
    }

    [Fact]
    public void Without_a_create_event_every_call_let_through_is_a_change_and_a_refused_one_is_kept_apart()
    {
        var mirroring = Correlated(Refused(T0), Call("gcp-patch", Patch, AuditAction.Modify, T0.AddDays(1))).Session;

        Assert.Equal(AttributionState.UnattributedBeyondRetention, mirroring.State);
        Assert.Equal(["gcp-patch"], mirroring.Changes.Select(c => c.EventId));
        Assert.Equal(["gcp-denied"], mirroring.Refused.Select(c => c.EventId));
        Assert.Empty(mirroring.BeforeCreation);
    }

    [Fact]
    public void The_timeline_keeps_the_refused_create_before_the_creation()
    {
        var session = Correlated(
            Refused(T0),
            Call("gcp-insert", Insert, AuditAction.Create, T0.AddMinutes(5)),
            Call("gcp-patch", Patch, AuditAction.Modify, T0.AddDays(1)));

        var refused = Assert.Single(session.Session.BeforeCreation);
        Assert.Equal(("gcp-denied", "failure", "7"), (refused.EventId, refused.Outcome, refused.ErrorCode));
        Assert.Equal(["gcp-denied", "gcp-insert", "gcp-patch"], session.Timeline().Select(t => t.Change.EventId));
    }

    [Fact]
    public void The_calls_before_the_creation_are_stored_and_a_run_stored_without_them_reads_as_none()
    {
        var session = Correlated(Refused(T0), Call("gcp-insert", Insert, AuditAction.Create, T0.AddMinutes(5)));
        var json = JsonSerializer.Serialize(session, PostureJson.Options);

        var read = JsonSerializer.Deserialize<SessionAttribution>(json, PostureJson.Options)!;
        var older = JsonSerializer.Deserialize<SessionAttribution>(json.Replace("\"beforeCreation\"", "\"unknownMember\"", StringComparison.Ordinal), PostureJson.Options)!;

        Assert.Equal(["gcp-denied"], read.Session.BeforeCreation.Select(c => c.EventId));
        Assert.Empty(older.Session.BeforeCreation);
    }

    [Fact]
    public void A_run_stored_with_refused_calls_among_the_changes_reads_them_apart()
    {
        var session = Correlated(
            Call("gcp-insert", Insert, AuditAction.Create, T0),
            Call("gcp-patch", Patch, AuditAction.Modify, T0.AddHours(1)),
            Call("gcp-patch-denied", Patch, AuditAction.Modify, T0.AddHours(2), "7"));
        // As runs were stored before refused calls were kept apart: among the changes, the last of them refused.
        var stored = session with { Parts = [.. session.Parts.Select(p => p with { Attribution = p.Attribution with { Changes = [.. p.Attribution.Changes, .. p.Attribution.Refused], Refused = [] } })] };
        var json = JsonSerializer.Serialize(stored, PostureJson.Options).Replace("\"refused\"", "\"unknownMember\"", StringComparison.Ordinal);

        var read = JsonSerializer.Deserialize<SessionAttribution>(json, PostureJson.Options)!.WithRefusedApart();

        Assert.Equal(["gcp-patch"], read.Session.Changes.Select(c => c.EventId));
        Assert.Equal(["gcp-patch-denied"], read.Session.Refused.Select(c => c.EventId));
        Assert.Equal(DriftText.Attribution(session.Session), DriftText.Attribution(read.Session));
    }
}
