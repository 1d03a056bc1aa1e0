using PostureScan.Core.Checks.FullPacketCaptureOfSensitiveSource;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class FullPacketCaptureOfSensitiveSourceCheckTests
{
    private static readonly MirrorPolicy Sensitive = Policies.Parse("""
        version: 1
        sensitive:
          - name: pci
            tags: { data: pci }
          - name: db-subnet
            subnets: [10.20.9.0/24]
          - name: identity
            networks: [vpc-0identity]
        """);

    private readonly FullPacketCaptureOfSensitiveSourceCheck check = new();

    public static TheoryData<string, MirroredSource> SensitiveSources => new()
    {
        { "pci", Some.Source() with { Tags = Some.Tags(("data", "pci")) } },
        { "db-subnet", Some.Source() with { Addresses = ["10.20.9.5"] } },
        { "identity", Some.Source() with { Network = "VPC-0IDENTITY" } },
    };

    [Theory]
    [MemberData(nameof(SensitiveSources))]
    public void Whole_packets_from_a_sensitive_source_fail(string rule, MirroredSource source)
    {
        var session = Mirror(source, packetLength: null);

        var result = Assert.Single(CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session)), Sensitive));

        Assert.Contains($"({rule})", result.Message, StringComparison.Ordinal);
        Assert.Contains("whole packets", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_packets_within_the_limit_pass_and_longer_ones_fail()
    {
        var source = Some.Source() with { Tags = Some.Tags(("data", "pci")) };
        var headers = Mirror(source, packetLength: 128);
        var longer = Mirror(source, packetLength: 129);

        var result = Assert.Single(CheckHarness.Run(check, new EvaluationInput(Some.RunOf(headers, longer)), Sensitive));

        Assert.Equal(longer.Id, result.ResourceId);
    }

    [Fact]
    public void The_limit_comes_from_the_policy()
    {
        var policy = Policies.Parse("version: 1\nsensitive: [{ name: pci, tags: { data: pci } }]\nchecks:\n  full-packet-capture-of-sensitive-source: { maxPacketLength: 64 }");
        var session = Mirror(Some.Source() with { Tags = Some.Tags(("data", "pci")) }, packetLength: 100);

        var result = Assert.Single(CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session)), policy));
        Assert.Contains("copies 100 bytes of each packet, more than the policy's 64-byte limit,", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_packets_from_ordinary_sources_pass()
    {
        var session = Mirror(Some.Source() with { Addresses = ["10.20.1.11"], Tags = Some.Tags(("env", "prod")) }, packetLength: null);

        Assert.Empty(CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session)), Sensitive));
    }

    private static MirrorSession Mirror(MirroredSource source, int? packetLength) =>
        Some.Session() with { Sources = [source], PacketLength = packetLength };
}
