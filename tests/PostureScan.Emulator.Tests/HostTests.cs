using System.Net;
using System.Text.RegularExpressions;
using Amazon.EC2.Model;

namespace PostureScan.Emulator.Tests;

public sealed partial class HostTests
{
    [Fact]
    public async Task The_endpoint_is_loopback_with_the_bound_port()
    {
        await using var host = await EmulatorHost.StartAsync(TestWorlds.WithSessions(1));

        Assert.Equal("127.0.0.1", host.Endpoint.Host);
        Assert.NotEqual(0, host.Endpoint.Port);
        Assert.Equal("/", host.Endpoint.AbsolutePath);
    }

    [Fact]
    public async Task The_standalone_run_prints_its_endpoint_and_each_request_until_cancelled()
    {
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = EmulatorHost.RunAsync(TestWorlds.WithSessions(2), 0, output, stop.Token);
        var endpoint = await WaitForEndpointAsync(output);

        using var ec2 = new Amazon.EC2.AmazonEC2Client(
            new Amazon.Runtime.BasicAWSCredentials(TestWorlds.ScannerKey, TestWorlds.ScannerSecret),
            new Amazon.EC2.AmazonEC2Config { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });
        var sessions = await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest());
        await stop.CancelAsync();
        await run;

        Assert.Equal(2, sessions.TrafficMirrorSessions.Count);
        Assert.Contains($"ec2 DescribeTrafficMirrorSessions {TestWorlds.ScannerKey} us-east-1 -> 200", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hosts_run_side_by_side_with_their_own_counters()
    {
        await using var first = await EmulatorHost.StartAsync(TestWorlds.WithSessions(1));
        await using var second = await EmulatorHost.StartAsync(TestWorlds.WithSessions(1));
        using var ec2 = AwsClients.Ec2(first);

        await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest());

        Assert.NotEqual(first.Endpoint, second.Endpoint);
        Assert.Equal(1, first.Counters.TotalCalls);
        Assert.Equal(0, second.Counters.TotalCalls);
    }

    [Fact]
    public async Task A_callers_control_characters_reach_the_request_log_escaped_and_on_one_line()
    {
        using var log = new StringWriter();
        await using var host = await EmulatorHost.StartAsync(TestWorlds.WithSessions(1), new EmulatorOptions { RequestLog = log });

        _ = await RawAws.PostAsync(host, "Action=Describe%1B%5B2J%0Afake-line");

        var line = Assert.Single(log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Describe\\u001B[2J\\u000Afake-line", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', line);
    }

    [Fact]
    public async Task A_request_that_fails_inside_the_emulator_is_logged_counted_and_answered_with_its_cause()
    {
        using var log = new FailingOnceLog();
        await using var host = await EmulatorHost.StartAsync(TestWorlds.WithSessions(1), new EmulatorOptions { RequestLog = log });

        var (status, body) = await RawAws.PostAsync(host, "Action=DescribeTrafficMirrorSessions");
        var (after, _) = await RawAws.PostAsync(host, "Action=DescribeTrafficMirrorSessions");

        const string failure = "POST / -> 500 unhandled IOException: disk full\\u0007";
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("PostureScan emulator failure: IOException: disk full\\u0007\n", body);
        Assert.Equal(failure, Assert.Single(host.Counters.Failures));
        Assert.StartsWith(failure + Environment.NewLine, log.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    private static async Task<string> WaitForEndpointAsync(StringWriter output)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (Listening().Match(output.ToString()) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("the emulator did not print its endpoint");
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex Listening();
}
