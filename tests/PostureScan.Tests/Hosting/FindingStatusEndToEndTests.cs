using Microsoft.Extensions.Time.Testing;
using PostureScan.Core.Checks;
using PostureScan.Core.Findings;
using PostureScan.Core.Policy;
using PostureScan.Emulator;
using PostureScan.Hosting;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests.Hosting;

/// <summary>
/// Two scans through the real EC2 client and the emulator, the world changed in between and the clock
/// moved three days on: findings carry new, open, resolved, suppressed and error as they should.
/// </summary>
public sealed class FindingStatusEndToEndTests
{
    private const string Collector = "tmt-0ndr0000000000001";

    [Fact]
    public async Task A_second_scan_after_a_world_change_yields_new_open_resolved_expired_and_error()
    {
        using var dir = new TemporaryDirectory();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var expires = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1);
        var policy = Policy(expires);

        var first = await ScanAsync(dir, World(second: false), policy, time);
        time.Advance(TimeSpan.FromDays(3));
        var second = await ScanAsync(dir, World(second: true), policy, time);

        Assert.Equal(
            new Dictionary<string, FindingStatus>
            {
                ["tms-keep"] = FindingStatus.New,
                ["tms-gone"] = FindingStatus.New,
                ["tms-excepted"] = FindingStatus.Suppressed,
                ["tms-denied"] = FindingStatus.New,
                ["tms-broken"] = FindingStatus.New,
            },
            Unapproved(first));
        Assert.Equal(
            new Dictionary<string, FindingStatus>
            {
                ["tms-keep"] = FindingStatus.Open,
                ["tms-gone"] = FindingStatus.Resolved,
                ["tms-moved"] = FindingStatus.New,
                ["tms-excepted"] = FindingStatus.Open,
                ["tms-denied"] = FindingStatus.Error,
                ["tms-broken"] = FindingStatus.Error,
            },
            Unapproved(second));

        var expired = Single(second, "tms-excepted");
        Assert.Equal("oncall@example.com", expired.Exception!.Owner);
        Assert.Contains($"expired on {expires:yyyy-MM-dd} and no longer suppresses this finding", expired.Note, StringComparison.Ordinal);
        Assert.Null(Single(first, "tms-excepted").Note);
        Assert.Contains("UnauthorizedOperation", Single(second, "tms-denied").Note, StringComparison.Ordinal);
        Assert.Contains("scope aws/222222222222/us-east-1 failed", Single(second, "tms-broken").Note, StringComparison.Ordinal);
        Assert.Equal(Single(first, "tms-keep").FirstSeen, Single(second, "tms-keep").FirstSeen);

        // Nothing in a scope that could not be read is ever resolved, whatever the check.
        Assert.DoesNotContain(second.Findings, f => f.Status == FindingStatus.Resolved && (f.Scope.Region == "eu-west-1" || f.Scope.Account == "222222222222"));
        Assert.Contains(second.Findings, f => f.CheckId == "destination-in-foreign-account" && f.ResourceId == "tms-denied" && f.Status == FindingStatus.Error);
    }

    private static Dictionary<string, FindingStatus> Unapproved(PolicyEvaluation evaluation) =>
        evaluation.Findings.Where(f => f.CheckId == "unapproved-destination").ToDictionary(f => f.ResourceId, f => f.Status);

    private static Finding Single(PolicyEvaluation evaluation, string session) =>
        Assert.Single(evaluation.Findings, f => f.CheckId == "unapproved-destination" && f.ResourceId == session);

    private static async Task<PolicyEvaluation> ScanAsync(TemporaryDirectory dir, string world, MirrorPolicy policy, TimeProvider time)
    {
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(world, "world.yaml"));
        var configuration = AppConfiguration.Load(null, new Dictionary<string, string?>
        {
            ["Aws:ServiceUrl"] = host.Endpoint.ToString(),
            ["Aws:AccessKeyId"] = "AKIATESTSTATUS000001",
            ["Aws:SecretAccessKey"] = "x",
            ["Aws:MaxRetries"] = "1",
            ["Aws:Accounts:0:Id"] = "111111111111",
            ["Aws:Accounts:1:Id"] = "222222222222",
            ["Aws:Accounts:1:RoleArn"] = "arn:aws:iam::222222222222:role/Reader",
            ["Aws:Regions:0"] = "us-east-1",
            ["Aws:Regions:1"] = "eu-west-1",
        });
        var sources = ProviderRegistry.Create(configuration, time, ["aws"]);
        await using var store = await RunStores.OpenAsync(new StoreLocation(StoreLocation.Sqlite, dir.File("s.db")), CancellationToken.None);
        var pipeline = new ScanPipeline(sources, store, time, 4, new PolicyGate(policy, CheckRegistry.CreateDefault(), time));

        await pipeline.RunAsync(null, CancellationToken.None);

        Assert.Equal(0, host.Counters.TotalRejectedWrites);
        return (await store.GetLatestEvaluationAsync(CancellationToken.None))!;
    }

    private static MirrorPolicy Policy(DateOnly expires) =>
        new PolicyLoader(CheckRegistry.CreateDefault().Metadata).Parse($"""
            version: 1
            collectors:
              - name: ndr
                providerIds: [{Collector}]
            exceptions:
              - resource: tms-excepted
                check: unapproved-destination
                reason: packet loss investigation
                owner: oncall@example.com
                expires: {expires:yyyy-MM-dd}
            """, "status.yaml");

    /// <summary>
    /// The first world, or the second: tms-gone deleted, tms-moved retargeted from the collector to the
    /// foreign box, eu-west-1 of the first account refusing every call, the second account answering 500.
    /// </summary>
    private static string World(bool second) => $$"""
        aws:
          credentials:
            - { accessKeyId: AKIATESTSTATUS000001, secretAccessKey: x, account: "111111111111" }
          accounts:
            - id: "111111111111"
              regions:
                - name: us-east-1
                  targets:
                    - { id: {{Collector}}, type: network-interface, networkInterfaceId: eni-ndr }
                    - { id: tmt-foreign, type: network-interface, networkInterfaceId: eni-box, ownerId: "999999999999" }
                  filters: [{ id: tmf-1, rules: [{ direction: ingress, ruleNumber: 1, action: accept, protocol: 6 }] }]
                  sessions:
                    - { id: tms-keep, targetId: tmt-foreign, filterId: tmf-1, networkInterfaceId: eni-a, sessionNumber: 1 }
                    - { id: tms-moved, targetId: {{(second ? "tmt-foreign" : Collector)}}, filterId: tmf-1, networkInterfaceId: eni-b, sessionNumber: 1 }
                    - { id: tms-excepted, targetId: tmt-foreign, filterId: tmf-1, networkInterfaceId: eni-c, sessionNumber: 1 }
        {{(second ? "" : "            - { id: tms-gone, targetId: tmt-foreign, filterId: tmf-1, networkInterfaceId: eni-d, sessionNumber: 1 }")}}
                - name: eu-west-1
        {{(second ? "          faults: { accessDenied: true }" : "")}}
                  targets: [{ id: tmt-foreign-eu, type: network-interface, networkInterfaceId: eni-box-eu, ownerId: "999999999999" }]
                  filters: [{ id: tmf-eu, rules: [{ direction: ingress, ruleNumber: 1, action: accept, protocol: 6 }] }]
                  sessions: [{ id: tms-denied, targetId: tmt-foreign-eu, filterId: tmf-eu, networkInterfaceId: eni-eu, sessionNumber: 1 }]
            - id: "222222222222"
              roles: [{ name: Reader }]
              regions:
                - name: us-east-1
        {{(second ? "          faults: { unavailable: InternalError }" : "")}}
                  targets: [{ id: tmt-other, type: network-interface, networkInterfaceId: eni-other }]
                  filters: [{ id: tmf-2, rules: [{ direction: ingress, ruleNumber: 1, action: accept, protocol: 6 }] }]
                  sessions: [{ id: tms-broken, targetId: tmt-other, filterId: tmf-2, networkInterfaceId: eni-x, sessionNumber: 1 }]
                - name: eu-west-1
        """;
}
