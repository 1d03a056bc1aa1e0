using Amazon.EC2;
using PostureScan.Core.Scanning;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using static PostureScan.Aws.Tests.AwsEstate;

namespace PostureScan.Aws.Tests;

/// <summary>The limit of AWS requests in flight (Aws:MaxConcurrency) and the SDK's retries of throttled calls under it.</summary>
public sealed class RequestLimitTests
{
    [Fact]
    public async Task No_more_requests_are_in_flight_than_the_limit_and_every_one_is_counted()
    {
        using var inner = new HoldingHandler();
        using var shared = new HttpMessageInvoker(inner);
        using var limit = new SemaphoreSlim(2);
        var counter = new CallCounter();
        using var client = new CountingHttpClientFactory(shared, limit, counter).CreateHttpClient(new AmazonEC2Config());

        var requests = Enumerable.Range(0, 6).Select(i => client.GetAsync(new Uri($"http://127.0.0.1/{i}"))).ToList();
        await inner.WaitForInFlightAsync(2);
        // Give a third request the chance to get past the limit if the limit did not hold.
        await Task.Delay(200);
        Assert.Equal(2, inner.InFlight);

        inner.ReleaseAll();
        foreach (var response in await Task.WhenAll(requests))
        {
            response.Dispose();
        }

        Assert.Equal(2, inner.MaxInFlight);
        Assert.Equal(6, inner.Served);
        Assert.Equal(6, counter.Count);
    }

    [Fact]
    public async Task A_scope_asks_for_its_targets_and_filters_at_once_and_for_its_interfaces_at_once()
    {
        // Held 300 ms each at the emulator, so requests sent together are seen in flight together.
        var slow = new Faults { LatencyMs = 300 };
        var world = World(Account(BaseAccount, Region("us-east-1", 2, "e", slow)));
        using var timing = new StringWriter();
        ScanRun run;
        await using (var host = await EmulatorHost.StartAsync(world, new EmulatorOptions { TimingLog = TextWriter.Synchronized(timing) }))
        {
            using var source = new AwsInventorySource(Options(host.Endpoint, [BaseAccount], "us-east-1"), TimeProvider.System);
            run = await new Scanner([source], TimeProvider.System, 1).RunAsync(null, CancellationToken.None);
        }

        Assert.Equal(ScopeStatus.Ok, Assert.Single(run.Scopes).Status);
        Assert.Equal(2, run.Sessions.Count);
        // Read once the host has stopped: a request's line is written after its answer has left.
        var calls = PostureScan.TestKit.TimingLines.Parse(timing.ToString())
            .Where(c => c.Answer >= 250) // the regional calls (a timer may fire a little early); STS carries no latency
            .Select(c => c.Arrived)
            .Order()
            .ToList();
        Assert.Equal(run.Scopes[0].ApiCalls, calls.Count);

        // Sessions first; then targets and filters side by side; then the interface lookups, after both. By arrival
        // times only (a request's line is timed after its answer has left, so the next may arrive a moment before).
        var (sessions, listings, lookups) = (calls[0], calls.Skip(1).Take(2).ToList(), calls.Skip(3).ToList());
        Assert.All(listings, arrived => Assert.True(arrived >= sessions + 250, "a listing was asked before the sessions were answered"));
        Assert.True(Math.Abs(listings[0] - listings[1]) < 250, "targets and filters were asked one after the other");
        Assert.NotEmpty(lookups);
        Assert.All(lookups, arrived => Assert.True(arrived >= listings.Max() + 250, "an interface lookup was asked before the listings were answered"));
    }

    [Fact]
    public async Task Throttled_calls_are_retried_by_the_sdk_under_a_limit_of_one_and_counted_in_their_scope()
    {
        var throttled = new Faults { ThrottleBurst = 2 };
        var world = World(Account(BaseAccount, Region("us-east-1", 2, "e", throttled), Region("eu-west-1", 3, "w", throttled)));
        await using var host = await EmulatorHost.StartAsync(world);
        var options = Options(host.Endpoint, [BaseAccount], "us-east-1", "eu-west-1");
        options.MaxConcurrency = 1;
        using var source = new AwsInventorySource(options, TimeProvider.System);

        var run = await new Scanner([source], TimeProvider.System, 4).RunAsync(null, CancellationToken.None);

        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(5, run.Sessions.Count);
        Assert.Equal(2, host.Counters.Throttled(BaseAccount, "us-east-1"));
        Assert.Equal(2, host.Counters.Throttled(BaseAccount, "eu-west-1"));
        foreach (var scope in run.Scopes)
        {
            // The scope's count includes its two refused attempts.
            Assert.Equal(host.Counters.CallsInScope(BaseAccount, scope.Scope.Region), scope.ApiCalls);
        }
    }

    /// <summary>Answers 200 once released; tracks how many requests it holds at once.</summary>
    private sealed class HoldingHandler : HttpMessageHandler
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int inFlight;
        private int maxInFlight;
        private int served;

        public int InFlight => Volatile.Read(ref inFlight);

        public int MaxInFlight => Volatile.Read(ref maxInFlight);

        public int Served => Volatile.Read(ref served);

        public void ReleaseAll() => release.TrySetResult();

        public async Task WaitForInFlightAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (InFlight < count)
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await release.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref inFlight);
            Interlocked.Increment(ref served);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
