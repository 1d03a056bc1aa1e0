using Amazon.EC2.Model;
using Amazon.Runtime;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Tests;

public sealed class WorldGeneratorTests
{
    [Fact]
    public void Generates_the_asked_for_counts()
    {
        var world = WorldGenerator.Generate(new WorldGeneratorOptions { Accounts = 7, RegionsPerAccount = 3, SessionsPerRegion = 11 });

        Assert.Equal(7, world.Aws.Accounts.Count);
        Assert.Equal(7, world.Aws.Credentials.Count);
        Assert.All(world.Aws.Accounts, a => Assert.Equal(3, a.Regions.Count));
        Assert.All(world.Aws.Accounts.SelectMany(a => a.Regions), r =>
        {
            Assert.Equal(11, r.Sessions.Count);
            Assert.Equal(11, r.NetworkInterfaces.Count);
            Assert.All(r.Sessions, s => Assert.Contains(r.Targets, t => t.Id == s.TargetId));
            Assert.All(r.Sessions, s => Assert.Contains(r.Filters, f => f.Id == s.FilterId));
        });
        Assert.Equal(7 * 3 * 11, world.Aws.Accounts.SelectMany(a => a.Regions).SelectMany(r => r.Sessions).Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_world_and_another_seed_another()
    {
        var options = new WorldGeneratorOptions { Accounts = 2, RegionsPerAccount = 2, SessionsPerRegion = 4, Seed = 42 };

        var ids = SessionIds(WorldGenerator.Generate(options));
        var again = SessionIds(WorldGenerator.Generate(options));
        var other = SessionIds(WorldGenerator.Generate(options with { Seed = 43 }));

        Assert.Equal(ids, again);
        Assert.Empty(ids.Intersect(other));
    }

    [Fact]
    public void The_foreign_share_controls_the_targets_outside_the_world()
    {
        var none = WorldGenerator.Generate(new WorldGeneratorOptions { Accounts = 2, SessionsPerRegion = 50, ForeignTargetShare = 0 });
        var all = WorldGenerator.Generate(new WorldGeneratorOptions { Accounts = 2, SessionsPerRegion = 50, ForeignTargetShare = 1 });

        Assert.Equal(0, ForeignSessions(none));
        Assert.Equal(2 * 4 * 50, ForeignSessions(all));
    }

    [Fact]
    public void Too_many_regions_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            WorldGenerator.Generate(new WorldGeneratorOptions { RegionsPerAccount = WorldGenerator.RegionNames.Count + 1 }));
    }

    [Fact]
    public async Task A_world_of_thousands_of_scopes_is_served()
    {
        var world = WorldGenerator.Generate(new WorldGeneratorOptions { Accounts = 1000, RegionsPerAccount = 4, SessionsPerRegion = 3 });
        await using var host = await EmulatorHost.StartAsync(world);

        foreach (var index in new[] { 0, 517, 999 })
        {
            using var ec2 = AwsClients.Ec2(host, new BasicAWSCredentials(WorldGenerator.AccessKeyId(index), "secret"), "us-west-2");
            var sessions = await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest());
            Assert.Equal(3, sessions.TrafficMirrorSessions.Count);
            Assert.All(sessions.TrafficMirrorSessions, s => Assert.Equal(WorldGenerator.AccountId(index), s.OwnerId));
        }

        Assert.Equal(3, host.Counters.CallsByScope.Count);
    }

    private static List<string> SessionIds(World world) =>
        world.Aws.Accounts.SelectMany(a => a.Regions).SelectMany(r => r.Sessions).Select(s => s.Id).ToList();

    private static int ForeignSessions(World world) =>
        world.Aws.Accounts.SelectMany(a => a.Regions)
            .Sum(r => r.Sessions.Count(s => r.Targets.Single(t => t.Id == s.TargetId).OwnerId == WorldGenerator.ForeignAccount));
}
