using PostureScan.Azure.Audit;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Inventory;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using static PostureScan.Azure.Tests.AzureEstate;

namespace PostureScan.Azure.Tests.Audit;

/// <summary>ActivityLogs_List through Azure.Core's pipeline (client secret, HTTPS, pinned certificate) against the emulator.</summary>
public sealed class ActivityLogSourceTests
{
    private static readonly DateTimeOffset Until = new(2026, 11, 20, 18, 0, 0, TimeSpan.Zero);

    private static readonly string[] Operations =
    [
        "Microsoft.Network/virtualNetworkTaps/write",
        "Microsoft.Network/networkInterfaces/tapConfigurations/write",
        "Microsoft.Network/virtualNetworks/write",
        "MICROSOFT.NETWORK/VIRTUALNETWORKTAPS/DELETE",
    ];

    /// <summary><paramref name="count"/> operations ten minutes apart back from an hour before <see cref="Until"/>; every fourth fails.</summary>
    private static IReadOnlyList<AuditRecord> Events(string subscription, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AuditRecord
        {
            Time = Until.AddHours(-1).AddMinutes(-10 * i),
            Name = Operations[i % Operations.Length],
            Actor = i % 2 == 0 ? $"admin{i}@contoso.com" : ClientId,
            SourceIp = $"203.0.113.{i + 1}",
            ResourceId = TapId(subscription, $"tap-{i}"),
            ErrorCode = i % 4 == 3 ? "Forbidden" : null,
        })];

    private static World WithLogs(World world, params ActivityLog[] logs) => world with { Audit = new AuditWorld { ActivityLogs = logs } };

    private static ActivityLogSource Source(EmulatorHost host, params string[] subscriptions) =>
        new(Options(host, subscriptions), new ActivityLogSettings { Name = "activity" }, TimeProvider.System);

    private static AuditReadRequest Request(params string[] subscriptions) =>
        new([], Until.AddDays(-1), Until, [.. subscriptions.Select(s => new Scope(Providers.Azure, s, Scope.Global))]);

    [Fact]
    public async Task Pages_are_followed_and_each_write_is_reported_once_with_its_final_status()
    {
        var world = WithLogs(World(pageSize: 5, Subscription(Prod)), new ActivityLog { Subscription = Prod, Events = Events(Prod, 12) });
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, Prod);
        var events = new List<AuditEvent>();

        var result = await source.ReadAsync(Request(Prod), events.Add, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Scopes.Select(s => s.Failure)));
        var scope = Assert.Single(result.Scopes);
        // 12 writes, each a BeginRequest and an EndRequest; 9 of them on TAPs or tap configurations.
        Assert.Equal((24L, 18L), (scope.Records, scope.Matched));
        Assert.True(host.Counters.Calls("ActivityLogs_List") >= 5);
        var reported = DetectionResults.Arrange(events, AuditEventFilter.All);
        Assert.Equal(9, reported.Count);
        Assert.Equal(3, reported.Count(e => e.Outcome == AuditOutcome.Failure));
        Assert.Contains(reported, e => e.EventName == "MICROSOFT.NETWORK/VIRTUALNETWORKTAPS/DELETE" && e.Action == AuditAction.Delete);
        Assert.All(reported, e => Assert.Equal((AuditPlatform.Azure, Prod), (e.Platform, e.Scope)));
        Assert.Contains(reported, e => e.Actor == "admin0@contoso.com" && e.SourceIp == "203.0.113.1" && e.ResourceIds.Contains(TapId(Prod, "tap-0")));
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task A_denied_subscription_fails_with_its_reason_and_a_throttled_one_completes()
    {
        var world = WithLogs(
            World(pageSize: 4, Subscription(Prod), Subscription(Denied) with { Faults = new Faults { AccessDenied = true } },
                Subscription(Throttled) with { Faults = new Faults { ThrottleBurst = 2, RetryAfterSeconds = 0 } }),
            new ActivityLog { Subscription = Prod, Events = Events(Prod, 4) },
            new ActivityLog { Subscription = Denied, Events = Events(Denied, 4) },
            new ActivityLog { Subscription = Throttled, Events = Events(Throttled, 8) });
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, Prod, Denied, Throttled);
        var events = new List<AuditEvent>();

        var result = await source.ReadAsync(Request(Prod, Denied, Throttled), events.Add, CancellationToken.None);

        var denied = Assert.Single(result.Scopes, s => !s.Succeeded);
        Assert.Equal(Denied, denied.Scope.Account);
        Assert.Equal(AuditSourceFailureKind.AccessDenied, denied.Failure!.Kind);
        Assert.Contains("Microsoft.Insights/eventtypes/values/read", denied.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Counters.Throttled(Throttled, "global"));
        Assert.Equal(6 + 12, events.Count);
        Assert.Equal(2, result.Checkpoints.Count);
    }

    [Fact]
    public async Task Subscriptions_are_discovered_when_the_request_names_none()
    {
        var world = WithLogs(World(pageSize: 50, Subscription(Prod), Subscription(Security)),
            new ActivityLog { Subscription = Prod, Events = Events(Prod, 2) },
            new ActivityLog { Subscription = Security, Events = Events(Security, 3) });
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host);
        var events = new List<AuditEvent>();

        var result = await source.ReadAsync(Request(), events.Add, CancellationToken.None);

        Assert.Equal([Prod, Security], result.Scopes.Select(s => s.Scope.Account).Order());
        Assert.Equal(2 + 2 + 4, events.Count);
    }

    [Fact]
    public async Task An_event_with_an_unpaired_surrogate_escape_is_kept_with_U_FFFD_in_its_place()
    {
        // Valid JSON that System.Text.Json refuses to read as a string; the emulator serves the record as written.
        const string Raw = """{"caller":"mallory\udbff@contoso.example","eventDataId":"odd-caller","eventTimestamp":"TIME","operationName":{"value":"Microsoft.Network/virtualNetworkTaps/write"},"status":{"value":"Succeeded"},"subscriptionId":"SUBSCRIPTION","resourceId":"RESOURCE","httpRequest":{"clientIpAddress":"203.0.113.66"}}""";
        var time = Until.AddHours(-1);
        var raw = Raw.Replace("TIME", time.ToString("O", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("SUBSCRIPTION", Prod, StringComparison.Ordinal).Replace("RESOURCE", TapId(Prod, "tap-odd"), StringComparison.Ordinal);
        var record = new AuditRecord { Time = time, Name = "Microsoft.Network/virtualNetworkTaps/write", ResourceId = TapId(Prod, "tap-odd"), Raw = raw };
        var world = WithLogs(World(pageSize: 5, Subscription(Prod)), new ActivityLog { Subscription = Prod, Events = [record] });
        await using var host = await EmulatorHost.StartAsync(world);
        using var source = Source(host, Prod);
        var events = new List<AuditEvent>();

        var result = await source.ReadAsync(Request(Prod), events.Add, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Scopes.Select(s => s.Failure)));
        Assert.Equal(0L, Assert.Single(result.Scopes).Malformed);
        // A write is logged at its begin and at its end; the emulator serves the one raw record for both.
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(("odd-caller", "mallory\uFFFD@contoso.example", "203.0.113.66"), (e.EventId, e.Actor, e.SourceIp)));
    }
}
