using System.Diagnostics;
using System.Net;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Tests;

/// <summary>Fault injection is per scope and repeatable.</summary>
public sealed class FaultTests
{
    private const string Describe = "Action=DescribeTrafficMirrorSessions&Version=2016-11-15";

    [Fact]
    public async Task Throttling_follows_the_same_sequence_for_the_same_seed()
    {
        var first = await StatusesAsync(new Faults { ThrottleRate = 0.3, Seed = 11 });
        var again = await StatusesAsync(new Faults { ThrottleRate = 0.3, Seed = 11 });
        var other = await StatusesAsync(new Faults { ThrottleRate = 0.3, Seed = 12 });

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count(s => s == HttpStatusCode.ServiceUnavailable), 5, 30);
    }

    [Fact]
    public async Task A_burst_throttles_exactly_the_first_calls()
    {
        var statuses = await StatusesAsync(new Faults { ThrottleBurst = 3 });

        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Account_faults_apply_where_a_region_has_none()
    {
        var world = TestWorlds.WithSessions(1);
        var account = world.Aws.Accounts[0] with { Faults = new Faults { AccessDenied = true } };
        account = account with { Regions = [account.Regions[0], new AwsRegion { Name = "eu-west-1", Faults = new Faults() }] };
        await using var host = await EmulatorHost.StartAsync(world with { Aws = world.Aws with { Accounts = [account] } });

        var inherited = await RawAws.PostAsync(host, Describe, region: "us-east-1");
        var overridden = await RawAws.PostAsync(host, Describe, region: "eu-west-1");

        Assert.Equal(HttpStatusCode.Forbidden, inherited.Status);
        Assert.Contains("<Code>UnauthorizedOperation</Code>", inherited.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, overridden.Status);
    }

    [Fact]
    public async Task Latency_delays_each_response()
    {
        await using var host = await EmulatorHost.StartAsync(WithFaults(new Faults { LatencyMs = 150 }));

        var clock = Stopwatch.StartNew();
        var (status, _) = await RawAws.PostAsync(host, Describe);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(clock.ElapsedMilliseconds >= 140, $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task The_timing_log_has_each_requests_arrival_and_answer_time_latency_included()
    {
        using var timing = new StringWriter();
        await using (var host = await EmulatorHost.StartAsync(
            WithFaults(new Faults { LatencyMs = 120 }), new EmulatorOptions { TimingLog = TextWriter.Synchronized(timing) }))
        {
            await RawAws.PostAsync(host, Describe);
            await Task.Delay(200);
            await RawAws.PostAsync(host, Describe);
        }

        var lines = PostureScan.TestKit.TimingLines.Parse(timing.ToString());
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.InRange(l.Answer, 115, 10_000));
        Assert.True(lines[1].Arrived - lines[0].Arrived >= 300, $"arrivals {lines[0].Arrived} and {lines[1].Arrived} ms");
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(Faults faults)
    {
        await using var host = await EmulatorHost.StartAsync(WithFaults(faults));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            statuses.Add((await RawAws.PostAsync(host, Describe)).Status);
        }

        Assert.Equal(statuses.Count(s => s != HttpStatusCode.OK), host.Counters.TotalThrottled);
        return statuses;
    }

    private static World WithFaults(Faults faults)
    {
        var world = TestWorlds.WithSessions(1);
        var account = world.Aws.Accounts[0];
        return world with { Aws = world.Aws with { Accounts = [account with { Regions = [account.Regions[0] with { Faults = faults }] }] } };
    }
}
