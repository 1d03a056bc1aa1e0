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

    [Fact]
    public void The_timing_log_splits_a_run_into_ramp_full_windows_and_tail()
    {
        // Two slots: idle for 100 ms, both busy for 200 ms, then one request alone for 300 ms.
        string[] lines =
        [
            "1000.0\t0.5", // a first quick call (STS), starting the clock
            "1100.0\t100.0", "1100.0\t100.0", "1200.0\t100.0", "1200.0\t100.0",
            "1300.0\t300.0",
            "not a timing line", "-5\t1", "1400\tx",
        ];

        var timing = EmulatorTiming.Parse(lines, concurrency: 2)!;

        Assert.Equal(6, timing.Requests);
        Assert.Equal(TimeSpan.FromMilliseconds(600), timing.Span);
        Assert.Equal(TimeSpan.FromMilliseconds(100), timing.Ramp);
        Assert.Equal(TimeSpan.FromMilliseconds(200), timing.Full);
        Assert.Equal(TimeSpan.FromMilliseconds(300), timing.Tail);
        Assert.Equal(100.0, timing.MedianAnswerMs);
        Assert.Equal((0.5 + 400 + 300) / 6, timing.MeanAnswerMs, 6);
        Assert.Equal(700.5 / 600, timing.MeanInFlight, 6);
    }

    [Fact]
    public void A_timing_log_without_requests_gives_no_figures() =>
        Assert.Null(EmulatorTiming.Parse(["PostureScan emulator listening", ""], concurrency: 32));
}
