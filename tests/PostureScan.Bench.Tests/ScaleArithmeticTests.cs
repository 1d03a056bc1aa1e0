using PostureScan.Bench.Scale;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Bench.Tests;

public sealed class ScaleArithmeticTests
{
    [Fact]
    public void The_bound_is_calls_times_latency_over_concurrency()
    {
        Assert.Equal(TimeSpan.FromSeconds(15.625), ScaleBound.Of(10_000, TimeSpan.FromMilliseconds(50), 32));
        Assert.Equal(TimeSpan.FromMilliseconds(150), ScaleBound.Of(3, TimeSpan.FromMilliseconds(50), 1));
        Assert.Equal(1.3, ScaleBound.Ratio(TimeSpan.FromSeconds(13), TimeSpan.FromSeconds(10)), 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaleBound.Of(1, TimeSpan.FromMilliseconds(50), 0));
    }

    [Theory]
    [InlineData(0, 1000, 1)]
    [InlineData(1000, 1000, 1)]
    [InlineData(1001, 1000, 2)]
    [InlineData(12, 5, 3)]
    public void A_listing_costs_its_pages_and_at_least_one_call(int items, int pageSize, long pages) =>
        Assert.Equal(pages, ApiMinimum.Pages(items, pageSize));

    [Fact]
    public void The_minimum_of_a_generated_world_is_five_calls_per_region_and_two_per_account()
    {
        var world = WorldGenerator.Generate(new WorldGeneratorOptions { Accounts = 3, RegionsPerAccount = 4, SessionsPerRegion = 2 });

        var minimum = ApiMinimum.Of(world, 1000);

        Assert.Equal(12, minimum.Scopes);
        Assert.Equal(3, minimum.ByAction["AssumeRole"]);
        Assert.Equal(3, minimum.ByAction["DescribeRegions"]);
        Assert.Equal(12, minimum.ByAction["DescribeTrafficMirrorSessions"]);
        Assert.Equal(24, minimum.ByAction["DescribeNetworkInterfaces"]);
        Assert.Equal(12 * 5 + 3 * 2, minimum.Total);
        Assert.Equal(minimum.Total - 3, minimum.Delayed);
    }

    [Fact]
    public void Regions_without_sessions_cost_one_listing_and_many_sessions_cost_more_pages()
    {
        var empty = WorldGenerator.Generate(new WorldGeneratorOptions { Accounts = 1, RegionsPerAccount = 2, SessionsPerRegion = 0 });
        var large = WorldGenerator.Generate(new WorldGeneratorOptions { Accounts = 1, RegionsPerAccount = 1, SessionsPerRegion = 450 });

        Assert.Equal(2 + 2, ApiMinimum.Of(empty, 1000).Total);
        // 450 sessions in pages of 100; 450 source interfaces in batches of 200 filter values, plus the load balancers.
        var minimum = ApiMinimum.Of(large, 100);
        Assert.Equal(5, minimum.ByAction["DescribeTrafficMirrorSessions"]);
        Assert.Equal(3 + 1, minimum.ByAction["DescribeNetworkInterfaces"]);
    }

    [Fact]
    public void The_emulator_log_gives_calls_by_action_and_the_throttled_ones()
    {
        var log = EmulatorLog.Parse(
        [
            "PostureScan emulator listening on http://127.0.0.1:4566/ and https://127.0.0.1:4567/ (certificate SHA-256 AB)",
            "sts AssumeRole AKIAGEN0000000000000 us-east-1 -> 200",
            "ec2 DescribeRegions ASIAXYZ us-east-1 -> 200",
            "ec2 DescribeTrafficMirrorSessions ASIAXYZ eu-west-1 -> 503 RequestLimitExceeded",
            "ec2 DescribeTrafficMirrorSessions ASIAXYZ eu-west-1 -> 200",
            "ec2 DescribeTrafficMirrorTargets ASIAXYZ eu-west-1 -> 500 InternalError",
        ]);

        Assert.Equal(5, log.Total);
        Assert.Equal(4, log.Delayed);
        Assert.Equal(1, log.Throttled);
        Assert.Equal(1, log.OtherErrors);
        Assert.Equal(2, log.ByAction["DescribeTrafficMirrorSessions"]);
    }

    [Fact]
    public void The_time_output_is_read_even_after_a_failed_command()
    {
        var time = ProcessTime.Parse("Command exited with non-zero status 3\nwall_s=31.93 user_s=10.50 sys_s=2.39 max_rss_kb=143872\n");

        Assert.Equal(TimeSpan.FromSeconds(31.93), time.Wall);
        Assert.Equal(12.89, time.Cpu.TotalSeconds, 6);
        Assert.Equal(140.5, time.PeakRssMb, 6);
    }
}
