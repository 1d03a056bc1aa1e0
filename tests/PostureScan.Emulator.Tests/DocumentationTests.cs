using Amazon.EC2.Model;
using PostureScan.Emulator.Worlds;

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

    private static string DocumentedYaml()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PostureScan.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var text = File.ReadAllText(Path.Combine(directory.FullName, "docs", "emulator.md"));
        var start = text.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        return text[start..end];
    }
}
