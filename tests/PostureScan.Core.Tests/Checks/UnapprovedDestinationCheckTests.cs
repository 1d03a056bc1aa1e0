using PostureScan.Core.Checks.UnapprovedDestination;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class UnapprovedDestinationCheckTests
{
    private static readonly MirrorPolicy Sanctioned = Policies.Parse("""
        version: 1
        collectors:
          - name: by-id
            providerIds: [tmt-0ndr, "ARN:AWS:ELASTICLOADBALANCING:US-EAST-1:111111111111:LOADBALANCER/NET/NDR/1"]
          - name: by-cidr
            cidrs: [10.0.9.0/24]
          - name: by-tag
            tags: { role: ndr-sensor, owner: "*" }
        """);

    private readonly UnapprovedDestinationCheck check = new();

    [Fact]
    public void Destinations_matching_a_collector_by_id_arn_cidr_or_tags_pass()
    {
        var sessions = new[]
        {
            Some.Session(target: Some.Target(id: "tmt-0ndr", address: null)),
            Some.Session(target: Some.Target(kind: TargetKind.NetworkLoadBalancer, address: null) with
            {
                ResourceId = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/ndr/1",
            }),
            Some.Session(target: Some.Target(address: "10.0.9.200")),
            Some.Session(target: Some.Target(address: null, tags: Some.Tags(("role", "ndr-sensor"), ("owner", "secops")))),
        };

        Assert.Empty(CheckHarness.Run(check, new EvaluationInput(Some.RunOf(sessions)), Sanctioned));
    }

    [Fact]
    public void A_destination_matching_no_collector_fails_with_its_description()
    {
        var session = Some.Session(target: Some.Target(address: "10.77.0.5", tags: Some.Tags(("role", "ndr-sensor"))));

        var result = Assert.Single(CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session)), Sanctioned));

        Assert.Equal(session.Id, result.ResourceId);
        Assert.Contains("10.77.0.5", result.Message, StringComparison.Ordinal);
        Assert.Contains("matches no sanctioned collector", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_that_could_not_be_described_is_unapproved_unless_its_id_is_listed()
    {
        var unknown = Some.Session() with { Target = null, TargetId = "tmt-0other" };
        var listed = Some.Session() with { Target = null, TargetId = "tmt-0ndr" };

        var result = Assert.Single(CheckHarness.Run(check, new EvaluationInput(Some.RunOf(unknown, listed)), Sanctioned));

        Assert.Equal(unknown.Id, result.ResourceId);
    }

    [Fact]
    public void With_no_collectors_every_mirror_is_reported_for_review()
    {
        var sessions = new[] { Some.Session(), Some.Session() };

        Assert.Equal(sessions.Select(s => s.Id), CheckHarness.Run(check, sessions).Select(r => r.ResourceId));
    }
}
