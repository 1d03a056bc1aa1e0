using PostureScan.Core.Attribution;
using PostureScan.Core.Scanning;
using static PostureScan.Tests.Attribution.AuditScan;

namespace PostureScan.Tests.Attribution;

/// <summary>
/// The four answers to "who made this mirror", end to end from LookupEvents: attributed; beyond retention,
/// saying the window read; missing inside the window; and source-unavailable because the audit source failed (here
/// LookupEvents is denied in one region by the emulator's fault injection, while the inventory is read).
/// </summary>
public sealed class AttributionStateTests
{
    private const string Account = """
        - id: "111111111111"
          regions:
            - name: us-east-1
              targets:
                - { id: tmt-0d0000000000000a1, type: network-interface, networkInterfaceId: eni-0d00000000000ta1 }
                - { id: tmt-0d0000000000000a3, type: network-interface, networkInterfaceId: eni-0d00000000000ta3 }
              filters: [{ id: tmf-0d0000000000000f1, rules: [] }]
              sessions:
                - { id: tms-0d0000000000000s1, targetId: tmt-0d0000000000000a1, filterId: tmf-0d0000000000000f1, networkInterfaceId: eni-0d00000000000s1, sessionNumber: 1 }
                - { id: tms-0d0000000000000s2, targetId: tmt-0d0000000000000a1, filterId: tmf-0d0000000000000f1, networkInterfaceId: eni-0d00000000000s2, sessionNumber: 2 }
                - { id: tms-0d0000000000000s3, targetId: tmt-0d0000000000000a3, filterId: tmf-0d0000000000000f1, networkInterfaceId: eni-0d00000000000s3, sessionNumber: 3 }
            - name: eu-west-1
              targets: [{ id: tmt-0d0000000000000a4, type: network-interface, networkInterfaceId: eni-0d00000000000ta4 }]
              filters: [{ id: tmf-0d0000000000000f4, rules: [] }]
              sessions: [{ id: tms-0d0000000000000s4, targetId: tmt-0d0000000000000a4, filterId: tmf-0d0000000000000f4, networkInterfaceId: eni-0d00000000000s4, sessionNumber: 1 }]
        """;

    private static readonly string Trail = $$"""
        cloudTrail:
          - account: "111111111111"
            region: us-east-1
            events:
              - { time: {{At(TimeSpan.FromDays(-2))}}, name: CreateTrafficMirrorSession, actor: "arn:aws:iam::111111111111:user/netops", sourceIp: 198.51.100.1, resourceId: tms-0d0000000000000s1, id: st-s1 }
              - { time: {{At(TimeSpan.FromDays(-3))}}, name: CreateTrafficMirrorTarget, actor: "arn:aws:iam::111111111111:user/netops", sourceIp: 198.51.100.1, resourceId: tmt-0d0000000000000a3, id: st-a3 }
          - account: "111111111111"
            region: eu-west-1
            faults: { accessDenied: true }
            events:
              - { time: {{At(TimeSpan.FromDays(-2))}}, name: CreateTrafficMirrorSession, actor: "arn:aws:iam::111111111111:user/netops", sourceIp: 198.51.100.1, resourceId: tms-0d0000000000000s4, id: st-s4 }
        """;

    [Fact]
    public async Task Attributed_beyond_retention_missing_and_source_unavailable_when_the_source_fails()
    {
        await using var scan = await StartAsync(World(Account, audit: Trail), Lookup(0));
        scan.Policy = "default.yaml";

        var result = await scan.ScanAsync("aws");

        // The inventory is whole: a failed audit source never fails a scope.
        Assert.All(result.Run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        var states = result.Stored.Report.Sessions.ToDictionary(s => s.SessionId, s => s.Session);

        Assert.Equal(AttributionState.Attributed, states["tms-0d0000000000000s1"].State);
        Assert.Equal("st-s1", states["tms-0d0000000000000s1"].EventIds[0]);

        var old = states["tms-0d0000000000000s2"];
        Assert.Equal(AttributionState.UnattributedBeyondRetention, old.State);
        Assert.NotNull(old.Window);
        // The lookback is 30 days: the window read goes back that far from the scan, and the reason says so.
        // (From the run's own times, not from the class's Now, which a loaded machine may reach minutes later.)
        Assert.InRange(old.Window.Oldest, result.Run.StartedAt.AddDays(-30).AddSeconds(-1), result.Run.FinishedAt.AddDays(-30).AddSeconds(1));
        Assert.Contains(old.Window.ToString(), old.Reason, StringComparison.Ordinal);

        // Its target was created three days ago, so the session is younger still: its create event is missing.
        var missing = states["tms-0d0000000000000s3"];
        Assert.Equal(AttributionState.UnattributedMissing, missing.State);
        Assert.Equal(AttributionState.Attributed, result.Part("tmt-0d0000000000000a3").State);
        Assert.Contains("inside the audit window", missing.Reason, StringComparison.Ordinal);

        var unavailable = states["tms-0d0000000000000s4"];
        Assert.Equal(AttributionState.SourceUnavailable, unavailable.State);
        Assert.Contains("aws/111111111111/eu-west-1", unavailable.Reason, StringComparison.Ordinal);
        Assert.Contains("cloudtrail:LookupEvents", unavailable.Reason, StringComparison.Ordinal);
        Assert.Empty(unavailable.EventIds);
        var failed = Assert.Single(result.Stored.Sources, s => s.Scope?.Region == "eu-west-1");
        Assert.False(failed.Succeeded);

        // Only the missing one is suspicious: beyond retention is no finding, and source-unavailable is no answer at all.
        Assert.Equal(["tms-0d0000000000000s3"], result.Flagged.Where(f => f.CheckId == "unattributed-missing").Select(f => f.ResourceId));
        // The store keeps each session's state as queried columns too.
        Assert.Equal(1, await scan.CountAsync("session_attributions", "state = 'unattributedMissing'"));
        Assert.Equal(1, await scan.CountAsync("session_attributions", "state = 'sourceUnavailable'"));
    }
}
