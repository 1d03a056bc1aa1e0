using System.Diagnostics;
using PostureScan.Aws.Audit;
using PostureScan.Core.Audit;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using static PostureScan.Aws.Tests.AwsEstate;
using static PostureScan.Aws.Tests.Audit.TrailEstate;

namespace PostureScan.Aws.Tests.Audit;

/// <summary>LookupEvents over JSON 1.1, signed with AWSSDK.Core's SigV4 handler, against the emulator.</summary>
public sealed class CloudTrailLookupSourceTests
{
    private static CloudTrailLookupSource Source(EmulatorHost host, IEnumerable<string> accounts, Action<CloudTrailLookupSettings>? configure = null)
    {
        var settings = new CloudTrailLookupSettings { Name = "trail", PageSize = 5, RetryBaseDelayMs = 50 };
        configure?.Invoke(settings);
        return new CloudTrailLookupSource(Options(host.Endpoint, accounts, "us-east-1"), settings, TimeProvider.System);
    }

    [Fact]
    public async Task Pages_are_followed_and_only_mirror_events_in_the_window_are_passed_on_at_two_requests_a_second()
    {
        var events = Events(BaseAccount, mirror: 14, noise: 9, Until.AddHours(-1), TimeSpan.FromMinutes(7));
        var old = new AuditRecord { Time = Until.AddDays(-3), Name = "CreateTrafficMirrorSession", Actor = "arn:aws:iam::111111111111:user/old" };
        var world = WithTrails(TwoAccounts("us-east-1"), [Log(BaseAccount, "us-east-1", [.. events, old])]);
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, [BaseAccount]);
        var collected = new Collected();
        var clock = Stopwatch.StartNew();

        var result = await source.ReadAsync(Request(Until.AddDays(-1), ScopeOf(BaseAccount, "us-east-1")), collected.Add, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Scopes.Select(s => s.Failure)));
        Assert.Equal(
            events.Take(14).Select(e => (e.Name, e.Actor, e.Time)).Order(),
            collected.Events.Select(e => (e.EventName, e.Actor, e.Time)).Order());
        Assert.All(collected.Events, e => Assert.Equal((BaseAccount, "us-east-1", "198.51.100."), (e.Scope, e.Region, e.SourceIp[..11])));
        var scope = Assert.Single(result.Scopes);
        Assert.Equal((23L, 14L, 0L), (scope.Records, scope.Matched, scope.Malformed));
        Assert.Equal(new AuditWindow(Until.AddDays(-1), Until), scope.Window);
        // 23 events at 5 a page: 5 pages, so at least 4 waits of half a second, and CloudTrail's own limit never tripped.
        Assert.Equal(5, host.Counters.Calls("LookupEvents"));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"five pages took {clock.Elapsed}");
        Assert.Equal(0, host.Counters.TotalThrottled);
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
        var checkpoint = Assert.Single(result.Checkpoints);
        Assert.Equal(("aws/111111111111/us-east-1", Until.AddMinutes(-15), events[0].Time), (checkpoint.Key, DateTimeOffset.Parse(checkpoint.Position, System.Globalization.CultureInfo.InvariantCulture), checkpoint.NewestEventTime));
    }

    [Fact]
    public async Task Throttling_is_retried_until_the_scope_completes()
    {
        var events = Events(BaseAccount, mirror: 8, noise: 0, Until.AddHours(-2), TimeSpan.FromMinutes(1));
        var world = WithTrails(TwoAccounts("us-east-1"), [Log(BaseAccount, "us-east-1", events, new Faults { ThrottleBurst = 3, ThrottleRate = 0.3, Seed = 7 })]);
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, [BaseAccount]);
        var collected = new Collected();

        var result = await source.ReadAsync(Request(Until.AddDays(-1), ScopeOf(BaseAccount, "us-east-1")), collected.Add, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Scopes.Select(s => s.Failure)));
        Assert.Equal(8, collected.Events.Count);
        Assert.True(host.Counters.Throttled(BaseAccount, "us-east-1") >= 3);
        Assert.Equal(host.Counters.Throttled(BaseAccount, "us-east-1") + 2, host.Counters.Calls("LookupEvents"));
    }

    [Fact]
    public async Task A_denied_scope_fails_with_its_reason_while_the_others_are_read_through_an_assumed_role()
    {
        var world = WithTrails(TwoAccounts("us-east-1", "eu-west-1"),
        [
            Log(BaseAccount, "us-east-1", Events(BaseAccount, 3, 1, Until.AddHours(-1), TimeSpan.FromMinutes(5), "a")),
            Log(BaseAccount, "eu-west-1", Events(BaseAccount, 4, 0, Until.AddHours(-1), TimeSpan.FromMinutes(5), "b"), new Faults { AccessDenied = true }),
            Log(Prod, "us-east-1", Events(Prod, 2, 2, Until.AddHours(-1), TimeSpan.FromMinutes(5), "c")),
            Log(Prod, "eu-west-1", Events(Prod, 5, 0, Until.AddHours(-1), TimeSpan.FromMinutes(5), "d")),
        ]);
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, [BaseAccount, Prod]);
        var collected = new Collected();
        var scopes = new[] { ScopeOf(BaseAccount, "us-east-1"), ScopeOf(BaseAccount, "eu-west-1"), ScopeOf(Prod, "us-east-1"), ScopeOf(Prod, "eu-west-1") };

        var result = await source.ReadAsync(Request(Until.AddDays(-1), scopes), collected.Add, CancellationToken.None);

        var denied = Assert.Single(result.Scopes, s => !s.Succeeded);
        Assert.Equal(ScopeOf(BaseAccount, "eu-west-1"), denied.Scope);
        Assert.Equal(AuditSourceFailureKind.AccessDenied, denied.Failure!.Kind);
        Assert.Contains("not authorized to perform: cloudtrail:LookupEvents", denied.Failure.Message, StringComparison.Ordinal);
        Assert.Null(denied.Window);
        Assert.Equal(3 + 2 + 5, collected.Events.Count);
        Assert.Equal(5, collected.Events.Count(e => e.Scope == Prod && e.Region == "eu-west-1"));
        Assert.DoesNotContain(result.Checkpoints, c => c.Key == denied.Scope.Key);
        Assert.Equal(3, result.Checkpoints.Count);
        Assert.Equal(1, host.Counters.Calls("AssumeRole"));
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task Lookups_by_event_name_find_the_same_events_with_one_lookup_per_operation()
    {
        var events = Events(BaseAccount, mirror: 6, noise: 4, Until.AddHours(-1), TimeSpan.FromMinutes(3));
        var world = WithTrails(TwoAccounts("us-east-1"), [Log(BaseAccount, "us-east-1", events)]);
        using var requests = new StringWriter();
        await using var host = await EmulatorHost.StartAsync(world, new EmulatorOptions { RequestLog = TextWriter.Synchronized(requests) });
        using var source = Source(host, [BaseAccount], s => s.LookupBy = "EventName");
        var collected = new Collected();

        var result = await source.ReadAsync(Request(Until.AddDays(-1), ScopeOf(BaseAccount, "us-east-1")), collected.Add, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(events.Take(6).Select(e => e.Name).Order(), collected.Events.Select(e => e.EventName).Order());
        // One lookup answered per operation. Counted from the answers, not the requests: a request the source sent
        // again (a test run on a loaded machine once made 16 of 15) is a retry, not a second lookup.
        var answered = requests.ToString().Split('\n').Count(l => l.StartsWith("cloudtrail LookupEvents ", StringComparison.Ordinal) && l.Contains(" -> 200", StringComparison.Ordinal));
        Assert.Equal(MirrorEventNames.All.Count, answered);
        Assert.Equal(6, result.Records);
    }

    [Fact]
    public async Task A_second_read_starts_at_the_checkpoint_and_an_account_without_regions_is_read_in_the_configured_ones()
    {
        var events = Events(BaseAccount, mirror: 6, noise: 0, Until.AddHours(-1), TimeSpan.FromHours(2));
        var world = WithTrails(TwoAccounts("us-east-1"), [Log(BaseAccount, "us-east-1", events)]);
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, [BaseAccount]);
        var checkpoint = new AuditCheckpoint("aws/111111111111/us-east-1", Until.AddHours(-4).ToString("O", System.Globalization.CultureInfo.InvariantCulture), null);
        var collected = new Collected();

        var result = await source.ReadAsync(
            new AuditReadRequest([checkpoint], Until.AddDays(-10), Until, [ScopeOf(BaseAccount, "*")]), collected.Add, CancellationToken.None);

        // Events at -1h and -3h are after the checkpoint; -5h, -7h... are not asked for.
        Assert.Equal([Until.AddHours(-1), Until.AddHours(-3)], collected.Events.Select(e => e.Time).OrderDescending());
        Assert.Equal(Until.AddHours(-4), Assert.Single(result.Scopes).Window!.Oldest);
    }

    [Fact]
    public async Task A_rate_above_what_CloudTrail_allows_is_a_configuration_error()
    {
        await using var host = await EmulatorHost.StartAsync(TwoAccounts("us-east-1"));
        using var source = Source(host, [BaseAccount], s => s.RequestsPerSecond = 5);

        var result = await source.ReadAsync(Request(Until.AddDays(-1), ScopeOf(BaseAccount, "us-east-1")), _ => { }, CancellationToken.None);

        Assert.Equal(AuditSourceFailureKind.Configuration, result.Failure?.Kind);
        Assert.Equal(0, host.Counters.TotalCalls);
    }

    [Fact]
    public async Task A_record_with_unpaired_surrogate_escapes_in_fields_its_caller_controls_is_kept_with_U_FFFD()
    {
        // Valid JSON that System.Text.Json refuses to read as a string; the emulator serves the record as written.
        const string Raw = """{"eventVersion":"1.10","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::ACCOUNT:user/mallory","accountId":"ACCOUNT"},"eventTime":"TIME","eventSource":"ec2.amazonaws.com","eventName":"CreateTrafficMirrorSession","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.66","userAgent":"aws-cli/2.22.4\ud800","requestParameters":{"CreateTrafficMirrorSessionRequest":{"TagSpecification":{"Tag":{"Key":"Name","Value":"x\udfff"}}}},"eventID":"hidden","recipientAccountId":"ACCOUNT"}""";
        var time = Until.AddHours(-1);
        var raw = Raw.Replace("ACCOUNT", BaseAccount, StringComparison.Ordinal)
            .Replace("TIME", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var record = new AuditRecord { Time = time, Name = "CreateTrafficMirrorSession", Actor = $"arn:aws:iam::{BaseAccount}:user/mallory", Raw = raw };
        var world = WithTrails(TwoAccounts("us-east-1"), [Log(BaseAccount, "us-east-1", [record])]);
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, [BaseAccount]);
        var collected = new Collected();

        var result = await source.ReadAsync(Request(Until.AddDays(-1), ScopeOf(BaseAccount, "us-east-1")), collected.Add, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Scopes.Select(s => s.Failure)));
        Assert.Equal((1L, 1L, 0L), (result.Scopes[0].Records, result.Scopes[0].Matched, result.Scopes[0].Malformed));
        var session = Assert.Single(collected.Events);
        Assert.Equal(("hidden", $"arn:aws:iam::{BaseAccount}:user/mallory", "aws-cli/2.22.4\uFFFD"), (session.EventId, session.Actor, session.UserAgent));
    }
}
