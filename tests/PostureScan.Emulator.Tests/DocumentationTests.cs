using Amazon.EC2.Model;
using PostureScan.Emulator.Worlds;
using PostureScan.TestKit;

namespace PostureScan.Emulator.Tests;

/// <summary>The example in docs/emulator.md is a real world file, served as the text says.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public async Task The_documented_example_world_is_valid_and_served()
    {
        var world = World.Parse(DocumentedYaml(), "docs/emulator.md");
        await using var host = await EmulatorHost.StartAsync(world);
        using var ec2 = AwsClients.Ec2(host, new Amazon.Runtime.BasicAWSCredentials("AKIAEXAMPLESCANNER01", "any-secret"), "eu-west-1");

        var filters = await ec2.DescribeTrafficMirrorFiltersAsync(new DescribeTrafficMirrorFiltersRequest());

        var filter = Assert.Single(filters.TrafficMirrorFilters);
        Assert.Equal(2, filter.IngressFilterRules.Count);
        Assert.Single(filter.EgressFilterRules);
        Assert.Equal(3, world.Aws.Accounts[0].Regions.Count);
    }

    [Fact]
    public async Task The_documented_azure_world_is_valid_and_served()
    {
        var world = World.Parse(DocumentedYaml("azure:"), "docs/emulator.md");
        await using var host = await EmulatorHost.StartAsync(world);

        var subscription = Assert.Single(world.Azure.Subscriptions);
        Assert.Single(subscription.VirtualNetworkTaps);
        Assert.Equal(2, subscription.Faults!.ThrottleBurst);
        Assert.Equal("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", world.Azure.Tenants[0].Applications[0].ObjectId);
        Assert.NotEmpty(host.CertificateThumbprint);
    }

    private static string DocumentedYaml(string startsWith = "aws:")
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("docs", "emulator.md"));
        var start = text.IndexOf("```yaml\n" + startsWith, StringComparison.Ordinal) + "```yaml\n".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        return text[start..end];
    }
}
