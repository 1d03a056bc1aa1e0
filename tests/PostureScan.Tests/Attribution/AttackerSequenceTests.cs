using PostureScan.Core.Attribution;
using static PostureScan.Tests.Attribution.AuditScan;

namespace PostureScan.Tests.Attribution;

/// <summary>
/// An attacker's mirror built step by step (target, filter, two rules, session) and a second one created and
/// deleted within the hour, read from LookupEvents: every part answers for itself, and the deleted one is
/// reported as short-lived.
/// </summary>
public sealed class AttackerSequenceTests
{
    private const string Role = "arn:aws:sts::111111111111:assumed-role/DebugOps/mallory";

    private const string Account = """
        - id: "111111111111"
          regions:
            - name: us-east-1
              targets: [{ id: tmt-0c0000000000000a1, type: network-interface, networkInterfaceId: eni-0c00000000000ta1, ownerId: "999988887777" }]
              filters:
                - id: tmf-0c0000000000000f1
                  rules:
                    - { id: tmfr-0c00000000000r1, direction: ingress, ruleNumber: 1, action: accept }
                    - { id: tmfr-0c00000000000r2, direction: egress, ruleNumber: 1, action: accept }
              sessions: [{ id: tms-0c0000000000000s1, targetId: tmt-0c0000000000000a1, filterId: tmf-0c0000000000000f1, networkInterfaceId: eni-0c00000000000s1, sessionNumber: 1 }]
        """;

    private static string Step(int minutes, string name, string actor, string ip, string resource, string id, params string[] related) =>
        $"      - {{ time: {At(TimeSpan.FromHours(-6) + TimeSpan.FromMinutes(minutes))}, name: {name}, actor: \"{actor}\", sourceIp: {ip}, resourceId: {resource}, id: {id}, relatedIds: [{string.Join(", ", related)}] }}";

    private static readonly string Trail = string.Join('\n', [
        "cloudTrail:",
        "  - account: \"111111111111\"",
        "    region: us-east-1",
        "    events:",
        Step(0, "CreateTrafficMirrorTarget", Role, "203.0.113.66", "tmt-0c0000000000000a1", "atk-target", "eni-0c00000000000ta1"),
        Step(4, "CreateTrafficMirrorFilter", Role, "203.0.113.66", "tmf-0c0000000000000f1", "atk-filter"),
        Step(6, "CreateTrafficMirrorFilterRule", Role, "203.0.113.67", "tmfr-0c00000000000r1", "atk-rule-1", "tmf-0c0000000000000f1"),
        Step(7, "CreateTrafficMirrorFilterRule", "arn:aws:iam::111111111111:user/ci-bot", "198.51.100.7", "tmfr-0c00000000000r2", "atk-rule-2", "tmf-0c0000000000000f1"),
        Step(10, "CreateTrafficMirrorSession", Role, "203.0.113.68", "tms-0c0000000000000s1", "atk-session", "tmt-0c0000000000000a1", "tmf-0c0000000000000f1", "eni-0c00000000000s1"),
        Step(30, "CreateTrafficMirrorTarget", Role, "203.0.113.69", "tmt-0c0000000000000a2", "atk-target-2", "eni-0c00000000000ta2"),
        Step(32, "CreateTrafficMirrorSession", Role, "203.0.113.69", "tms-0c0000000000000s2", "atk-brief", "tmt-0c0000000000000a2", "tmf-0c0000000000000f1", "eni-0c00000000000s2"),
        Step(92, "DeleteTrafficMirrorSession", Role, "203.0.113.70", "tms-0c0000000000000s2", "atk-brief-gone"),
        Step(93, "DeleteTrafficMirrorTarget", Role, "203.0.113.70", "tmt-0c0000000000000a2", "atk-target-2-gone"),
    ]);

    [Fact]
    public async Task Each_part_is_attributed_to_its_own_event_and_the_deleted_session_is_short_lived()
    {
        await using var scan = await StartAsync(World(Account, audit: Trail), Lookup(0));
        scan.Policy = "default.yaml";

        var result = await scan.ScanAsync("aws");

        var parts = Assert.Single(result.Stored.Report.Sessions).Parts;
        Assert.Equal(["session", "target", "filter", "filter-rule", "filter-rule"], parts.Select(p => p.Kind));
        Assert.All(parts, p => Assert.Equal(AttributionState.Attributed, p.Attribution.State));
        var expected = new Dictionary<string, (string Actor, string Ip, int Minutes, string EventId)>
        {
            ["tmt-0c0000000000000a1"] = (Role, "203.0.113.66", 0, "atk-target"),
            ["tmf-0c0000000000000f1"] = (Role, "203.0.113.66", 4, "atk-filter"),
            ["tmfr-0c00000000000r1"] = (Role, "203.0.113.67", 6, "atk-rule-1"),
            ["tmfr-0c00000000000r2"] = ("arn:aws:iam::111111111111:user/ci-bot", "198.51.100.7", 7, "atk-rule-2"),
            ["tms-0c0000000000000s1"] = (Role, "203.0.113.68", 10, "atk-session"),
        };
        foreach (var part in parts.Select(p => p.Attribution))
        {
            var (actor, ip, minutes, eventId) = expected[part.ResourceId];
            Assert.Equal((actor, ip, Now.AddHours(-6).AddMinutes(minutes), eventId), (part.Actor, part.SourceIp, part.CreatedAt, part.EventIds[0]));
        }

        var session = parts[0].Attribution;
        Assert.Equal(("arn:aws:iam::111111111111:role/DebugOps", "mallory"), (session.SessionIssuer, session.RoleSessionName));
        Assert.Equal("CreateTrafficMirrorSession", session.CreateEventName);
        Assert.Equal(["tmfr-0c00000000000r1", "tmfr-0c00000000000r2"], result.Part("tmf-0c0000000000000f1").Changes.Select(c => c.ResourceId));
        // The timeline tells the story in order, one line per call.
        var timeline = result.Stored.Report.Sessions[0].Timeline();
        Assert.Equal(["atk-target", "atk-filter", "atk-rule-1", "atk-rule-2", "atk-session"], timeline.Select(t => t.Change.EventId));

        var brief = Assert.Single(result.Stored.Report.DeletedMirrors);
        Assert.Equal(("tms-0c0000000000000s2", TimeSpan.FromHours(1), Role, "203.0.113.69"), (brief.ResourceId, brief.Lifetime, brief.Actor, brief.SourceIp));
        Assert.Equal(new Core.Inventory.Scope("aws", "111111111111", "us-east-1"), brief.Scope);
        Assert.Contains(("short-lived-mirror", "tms-0c0000000000000s2"), result.Flagged);
        Assert.Equal(0, scan.Host.Counters.TotalRejectedWrites);
    }
}
