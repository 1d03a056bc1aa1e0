using PostureScan.Aws.Audit;
using PostureScan.Core.Audit;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using static PostureScan.Aws.Tests.AwsEstate;
using static PostureScan.Aws.Tests.Audit.TrailEstate;

namespace PostureScan.Aws.Tests.Audit;

/// <summary>The trail bucket through the real AmazonS3Client (path-style) against the emulator.</summary>
public sealed class CloudTrailArchiveSourceTests
{
    private const string Bucket = "org-trail-logs";
    private const string Organization = "o-a1b2c3d4e5";

    private static CloudTrailArchiveSource Source(EmulatorHost host, IEnumerable<string> accounts, string? prefix = "security", string? organization = Organization) =>
        new(Options(host.Endpoint, accounts, "us-east-1", "eu-west-1"),
            new CloudTrailArchiveSettings { Name = "archive", Bucket = Bucket, Prefix = prefix, OrganizationId = organization },
            TimeProvider.System);

    private static TrailBucket TrailBucket(IReadOnlyList<string>? denied = null, Faults? faults = null) => new()
    {
        Name = Bucket,
        Prefix = "security",
        OrganizationId = Organization,
        Accounts = [BaseAccount, Prod],
        DeniedPrefixes = denied ?? [],
        Faults = faults,
    };

    /// <summary>One mirror call at noon each day for ten days up to <see cref="TrailEstate.Until"/>, in both regions of both accounts.</summary>
    private static World TenDays(TrailBucket bucket) => WithTrails(
        TwoAccounts("us-east-1", "eu-west-1"),
        [.. new[] { BaseAccount, Prod }.SelectMany(a => new[] { "us-east-1", "eu-west-1" }.Select(r =>
            Log(a, r, Events(a, mirror: 10, noise: 0, new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1), r[..2]))))],
        [bucket]);

    [Fact]
    public async Task Only_the_day_folders_asked_for_are_listed_and_files_written_before_the_start_are_not_fetched()
    {
        await using var host = await EmulatorHost.StartAsync(TenDays(TrailBucket()));
        using var source = Source(host, [BaseAccount, Prod]);
        var collected = new Collected();
        var since = new DateTimeOffset(2026, 11, 18, 12, 5, 0, TimeSpan.Zero);

        var result = await source.ReadAsync(Request(since), collected.Add, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Scopes.Select(s => s.Failure)));
        var days = new[] { "2026/11/18/", "2026/11/19/", "2026/11/20/" };
        var expected = new[] { BaseAccount, Prod }
            .SelectMany(a => new[] { "us-east-1", "eu-west-1" }.SelectMany(r => days.Select(d => $"{Bucket}/security/AWSLogs/{Organization}/{a}/CloudTrail/{r}/{d}")))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, host.Counters.ListedPrefixes.Keys.Order(StringComparer.Ordinal));
        Assert.All(host.Counters.ListedPrefixes.Values, n => Assert.Equal(1, n));
        // Noon of the 19th and the 20th in four scopes; the file of the 18th (written 12:10, five minutes after its
        // window) is read but its call is before the start.
        Assert.Equal(8, collected.Events.Count);
        Assert.All(collected.Events, e => Assert.True(e.Time >= since && e.Time <= Until));
        Assert.Equal(12, host.Counters.Calls("GetObject"));
        Assert.StartsWith($"s3://{Bucket}/security/AWSLogs/{Organization}/", collected.Events[0].Input.File, StringComparison.Ordinal);
        Assert.Equal(4, result.Checkpoints.Count);
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task A_prefix_the_bucket_policy_denies_fails_its_scope_while_the_others_complete()
    {
        var denied = $"security/AWSLogs/{Organization}/{Prod}/CloudTrail/eu-west-1/";
        await using var host = await EmulatorHost.StartAsync(TenDays(TrailBucket([denied])));
        using var source = Source(host, [BaseAccount, Prod]);
        var collected = new Collected();

        var result = await source.ReadAsync(Request(Until.AddDays(-2)), collected.Add, CancellationToken.None);

        var failed = Assert.Single(result.Scopes, s => !s.Succeeded);
        Assert.Equal(ScopeOf(Prod, "eu-west-1"), failed.Scope);
        Assert.Equal(AuditSourceFailureKind.AccessDenied, failed.Failure!.Kind);
        Assert.Contains("Access Denied", failed.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Scopes.Count(s => s.Succeeded));
        Assert.Equal(6, collected.Events.Count);
        Assert.DoesNotContain(collected.Events, e => e.Scope == Prod && e.Region == "eu-west-1");
    }

    [Fact]
    public async Task Throttled_listings_and_downloads_are_retried_by_the_sdk_until_they_complete()
    {
        await using var host = await EmulatorHost.StartAsync(TenDays(TrailBucket(faults: new Faults { ThrottleBurst = 3, ThrottleRate = 0.2, Seed = 3 })));
        using var source = Source(host, [BaseAccount]);
        var collected = new Collected();

        var result = await source.ReadAsync(Request(Until.AddDays(-1), ScopeOf(BaseAccount, "us-east-1")), collected.Add, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Scopes.Select(s => s.Failure)));
        Assert.Single(collected.Events);
        Assert.True(host.Counters.TotalThrottled >= 3);
    }

    [Fact]
    public async Task A_call_just_before_midnight_is_found_in_the_next_days_folder()
    {
        var late = new AuditRecord { Time = new DateTimeOffset(2026, 11, 19, 23, 40, 0, TimeSpan.Zero), Name = "CreateTrafficMirrorSession", Actor = "arn:aws:iam::111111111111:user/night" };
        var world = WithTrails(TwoAccounts("us-east-1"), [Log(BaseAccount, "us-east-1", [late])], [TrailBucket() with { Prefix = null, OrganizationId = null }]);
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, [BaseAccount], prefix: null, organization: null);
        var collected = new Collected();
        var request = new AuditReadRequest([], late.Time.AddHours(-1), late.Time.AddMinutes(10), [ScopeOf(BaseAccount, "us-east-1")]);

        var result = await source.ReadAsync(request, collected.Add, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("night", Assert.Single(collected.Events).Actor.Split('/')[^1]);
        Assert.Equal(
            [$"{Bucket}/AWSLogs/{BaseAccount}/CloudTrail/us-east-1/2026/11/19/", $"{Bucket}/AWSLogs/{BaseAccount}/CloudTrail/us-east-1/2026/11/20/"],
            host.Counters.ListedPrefixes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_malformed_record_in_a_log_file_is_counted_and_the_rest_of_the_file_is_read()
    {
        var time = Until.AddHours(-3);
        var records = new[]
        {
            new AuditRecord { Time = time, Name = "CreateTrafficMirrorTarget", Actor = "arn:aws:iam::111111111111:user/a" },
            new AuditRecord { Time = time.AddMinutes(1), Raw = "{\"eventName\":\"CreateTrafficMirrorSession\",\"eventTime\":" },
            new AuditRecord { Time = time.AddMinutes(2), Name = "DeleteTrafficMirrorTarget", Actor = "arn:aws:iam::111111111111:user/b" },
        };
        var world = WithTrails(TwoAccounts("us-east-1"), [Log(BaseAccount, "us-east-1", records)], [TrailBucket()]);
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, [BaseAccount]);
        var collected = new Collected();

        var result = await source.ReadAsync(Request(Until.AddDays(-1), ScopeOf(BaseAccount, "us-east-1")), collected.Add, CancellationToken.None);

        var scope = Assert.Single(result.Scopes);
        Assert.Equal(1, scope.Malformed);
        Assert.Equal(["CreateTrafficMirrorTarget", "DeleteTrafficMirrorTarget"], collected.Events.Select(e => e.EventName).Order());
    }

    [Fact]
    public async Task A_missing_bucket_fails_every_scope_as_not_found()
    {
        await using var host = await EmulatorHost.StartAsync(TenDays(TrailBucket()));
        using var source = new CloudTrailArchiveSource(
            Options(host.Endpoint, [BaseAccount], "us-east-1"), new CloudTrailArchiveSettings { Name = "archive", Bucket = "no-such-bucket" }, TimeProvider.System);

        var result = await source.ReadAsync(Request(Until.AddDays(-1)), _ => { }, CancellationToken.None);

        Assert.Equal(AuditSourceFailureKind.NotFound, Assert.Single(result.Scopes).Failure?.Kind);
    }
}
