using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Inventory;
using PostureScan.Emulator.Worlds;
using PostureScan.Gcp.Logging;

namespace PostureScan.Gcp.Tests.Audit;

/// <summary>entries:list with a service-account key against the emulator's token endpoint and Cloud Logging.</summary>
public sealed class CloudLoggingSourceTests
{
    private static readonly DateTimeOffset Until = new(2026, 11, 20, 18, 0, 0, TimeSpan.Zero);

    private static readonly string[] Methods =
    [
        "v1.compute.packetMirrorings.insert", "v1.compute.instances.insert", "beta.compute.packetMirrorings.patch",
        "google.cloud.compute.v1.PacketMirrorings.Delete", "v1.compute.packetMirrorings.get",
    ];

    /// <summary><paramref name="count"/> calls five minutes apart back from an hour before <see cref="Until"/>; every third is denied (code 7).</summary>
    private static IReadOnlyList<AuditRecord> Events(string project, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AuditRecord
        {
            Time = Until.AddHours(-1).AddMinutes(-5 * i),
            Name = Methods[i % Methods.Length],
            Actor = $"user{i}@example.com",
            SourceIp = $"192.0.2.{i + 1}",
            ResourceId = $"projects/{project}/regions/us-central1/packetMirrorings/pm-{i}",
            ErrorCode = i % 3 == 2 ? "7" : null,
        })];

    private static GcpProject Project(string id, Faults? faults = null) => new() { Id = id, Faults = faults };

    private static CloudLoggingSource Source(GcpEmulator emulator, int pageSize, params string[] projects) =>
        new(emulator.Options(projects), new CloudLoggingSettings { Name = "logging", Endpoint = emulator.Host.Endpoint.ToString(), PageSize = pageSize }, TimeProvider.System);

    private static AuditReadRequest Request(params string[] projects) =>
        new([], Until.AddDays(-1), Until, [.. projects.Select(p => new Scope(Providers.Gcp, p, "us-central1"))]);

    [Fact]
    public async Task Pages_are_followed_and_packet_mirroring_calls_come_back_with_their_status()
    {
        var audit = new AuditWorld { CloudLogging = [new ProjectAuditLog { Project = "prj-alpha", Events = [.. Events("prj-alpha", 15), .. Events("prj-alpha", 2).Select(e => e with { Time = Until.AddDays(-3) })] }] };
        await using var emulator = await GcpEmulator.StartAsync([Project("prj-alpha")], audit: audit);
        using var source = Source(emulator, 4, "prj-alpha");
        var events = new List<AuditEvent>();

        var result = await source.ReadAsync(Request("prj-alpha"), events.Add, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Scopes.Select(s => s.Failure)));
        // Of 15 calls, the 3 instances.insert are left out by the server's filter; the 2 of three days ago by its time range.
        Assert.Equal(12, events.Count);
        Assert.Equal(12, Assert.Single(result.Scopes).Records);
        Assert.Equal(new Scope(Providers.Gcp, "prj-alpha", "*"), result.Scopes[0].Scope);
        Assert.Equal(3, emulator.Host.Counters.Calls("logging.entries.list"));
        Assert.All(events, e => Assert.Equal((AuditPlatform.Gcp, "prj-alpha"), (e.Platform, e.Scope)));
        var denied = events.Where(e => e.Outcome == AuditOutcome.Failure).ToList();
        Assert.Equal(4, denied.Count);
        Assert.Contains(events, e => e.EventName == "google.cloud.compute.v1.PacketMirrorings.Delete" && e.Action == AuditAction.Delete);
        Assert.Contains(events, e => e.Actor == "user0@example.com" && e.SourceIp == "192.0.2.1" && e.ResourceIds.Contains("projects/prj-alpha/regions/us-central1/packetMirrorings/pm-0"));
        Assert.Equal(0, emulator.Host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task A_denied_project_fails_with_its_reason_a_throttled_one_completes_and_an_empty_one_is_clean()
    {
        var audit = new AuditWorld
        {
            CloudLogging =
            [
                new ProjectAuditLog { Project = "prj-alpha", Events = Events("prj-alpha", 5) },
                new ProjectAuditLog { Project = "prj-denied", Events = Events("prj-denied", 5) },
                new ProjectAuditLog { Project = "prj-busyone", Events = Events("prj-busyone", 10) },
            ],
        };
        var projects = new[] { Project("prj-alpha"), Project("prj-denied", new Faults { AccessDenied = true }), Project("prj-busyone", new Faults { ThrottleBurst = 2 }), Project("prj-quietone") };
        await using var emulator = await GcpEmulator.StartAsync(projects, audit: audit);
        using var source = Source(emulator, 3, "prj-alpha", "prj-denied", "prj-busyone", "prj-quietone");
        var events = new List<AuditEvent>();

        var result = await source.ReadAsync(Request("prj-alpha", "prj-denied", "prj-busyone", "prj-quietone"), events.Add, CancellationToken.None);

        var failed = Assert.Single(result.Scopes, s => !s.Succeeded);
        Assert.Equal("prj-denied", failed.Scope.Account);
        Assert.Equal(AuditSourceFailureKind.AccessDenied, failed.Failure!.Kind);
        Assert.Contains("logging.logEntries.list", failed.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, emulator.Host.Counters.Throttled("prj-busyone", "*"));
        Assert.Equal(4 + 8, events.Count);
        var quiet = Assert.Single(result.Scopes, s => s.Scope.Account == "prj-quietone");
        Assert.Equal((0L, 0L), (quiet.Records, quiet.Malformed));
        Assert.Equal(3, result.Checkpoints.Count);
    }

    [Fact]
    public async Task Detection_over_the_live_source_reports_each_call_newest_first()
    {
        var audit = new AuditWorld { CloudLogging = [new ProjectAuditLog { Project = "prj-alpha", Events = Events("prj-alpha", 6) }] };
        await using var emulator = await GcpEmulator.StartAsync([Project("prj-alpha")], audit: audit);
        using var source = Source(emulator, 1000, "prj-alpha");
        var events = new List<AuditEvent>();

        await source.ReadAsync(Request("prj-alpha"), events.Add, CancellationToken.None);
        var reported = DetectionResults.Arrange(events, new AuditEventFilter(WritesOnly: true));

        // Calls 0, 2, 3 and 5; call 1 is no mirror call and call 4 (a get) is a read.
        Assert.Equal(
            ["v1.compute.packetMirrorings.insert", "beta.compute.packetMirrorings.patch", "google.cloud.compute.v1.PacketMirrorings.Delete", "v1.compute.packetMirrorings.insert"],
            reported.Select(e => e.EventName));
        Assert.Equal(reported.Select(e => e.Time).OrderDescending(), reported.Select(e => e.Time));
    }
}
