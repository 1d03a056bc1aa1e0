using PostureScan.Core.Checks;
using PostureScan.Core.Findings;
using PostureScan.Core.Policy;
using PostureScan.Emulator;
using PostureScan.Hosting;
using PostureScan.TestKit;

namespace PostureScan.Tests.Hosting;

/// <summary>
/// Coverage through the real EC2 client and the emulator: candidate ENIs are listed with tag filters,
/// page by page, only when the policy has coverage rules, and every required ENI that no mirror sends to
/// the collector is a coverage-gap finding.
/// </summary>
public sealed class CoverageEndToEndTests
{
    private const string World = """
        aws:
          credentials:
            - { accessKeyId: AKIATESTCOVERAGE0001, secretAccessKey: x, account: "111111111111" }
          accounts:
            - id: "111111111111"
              regions:
                - name: us-east-1
                  targets:
                    - { id: tmt-ndr, type: network-interface, networkInterfaceId: eni-ndr }
                    - { id: tmt-box, type: network-interface, networkInterfaceId: eni-box, ownerId: "999999999999" }
                  filters: [{ id: tmf-1, rules: [{ direction: ingress, ruleNumber: 1, action: accept, protocol: 6 }] }]
                  sessions:
                    - { id: tms-covered, targetId: tmt-ndr, filterId: tmf-1, networkInterfaceId: eni-p1, sessionNumber: 1 }
                    - { id: tms-elsewhere, targetId: tmt-box, filterId: tmf-1, networkInterfaceId: eni-p2, sessionNumber: 1 }
                  networkInterfaces:
                    - { id: eni-p1, tags: { env: prod, Name: web-1 } }
                    - { id: eni-p2, tags: { env: prod, Name: web-2 } }
                    - { id: eni-p3, tags: { env: prod } }
                    - { id: eni-p4, tags: { env: prod } }
                    - { id: eni-p5, tags: { env: prod } }
                    - { id: eni-p6, tags: { env: prod } }
                    - { id: eni-p7, tags: { env: prod, Name: "=cmd|' /C calc'!A0" } }
                    - { id: eni-d1, tags: { env: dev } }
                    - { id: eni-ndr }
                - name: eu-west-1
                  networkInterfaces:
                    - { id: eni-eu1, tags: { env: prod } }
        """;

    private const string Collectors = """
        version: 1
        collectors:
          - name: ndr
            providerIds: [tmt-ndr]
          - name: ndr-backup
            providerIds: [tmt-backup]
        """;

    private const string Coverage = """
        coverage:
          - name: prod-to-ndr
            collector: ndr
            providers: [aws]
            tags: { env: prod }
          - name: prod-to-backup-in-eu
            collector: ndr-backup
            providers: [aws]
            accounts: ["111111111111"]
            tags: { env: prod }
        """;

    [Fact]
    public async Task Coverage_rules_list_tagged_interfaces_page_by_page_and_name_every_gap()
    {
        var (withoutPolicy, _) = await ScanAsync(null);
        var (withoutCoverage, plain) = await ScanAsync(Collectors);
        var (withCoverage, evaluation) = await ScanAsync(Collectors + "\n" + Coverage);

        // No coverage section, no listing: the same calls as a scan without any policy.
        Assert.Equal(withoutPolicy, withoutCoverage);
        Assert.Contains(plain!.NotEvaluated, n => n.CheckId == "coverage-gap");
        // us-east-1: seven prod interfaces at five a page (two calls, one listing for two rules with the
        // same selector); eu-west-1: one call.
        Assert.Equal(withoutCoverage + 3, withCoverage);

        var gaps = evaluation!.Findings.Where(f => f.CheckId == "coverage-gap").ToList();
        Assert.All(gaps, g => Assert.Equal(FindingStatus.New, g.Status));
        Assert.Equal(
            ["eni-eu1", "eni-p1", "eni-p2", "eni-p3", "eni-p4", "eni-p5", "eni-p6", "eni-p7"],
            gaps.Select(g => g.ResourceId).Distinct().Order(StringComparer.Ordinal));
        // eni-p1 is covered by the first rule and is a gap only for the backup collector.
        Assert.Contains("'prod-to-backup-in-eu'", Assert.Single(gaps, g => g.ResourceId == "eni-p1").Message, StringComparison.Ordinal);
        Assert.Contains("network-interface eni-p2 'web-2' is required by coverage rule", Assert.Single(gaps, g => g.ResourceId == "eni-p2").Message, StringComparison.Ordinal);
        Assert.Equal("eu-west-1", Assert.Single(gaps, g => g.ResourceId == "eni-eu1").Scope.Region);
        Assert.DoesNotContain(evaluation.NotEvaluated, n => n.CheckId == "coverage-gap");
    }

    private static async Task<(long Calls, PolicyEvaluation? Evaluation)> ScanAsync(string? policyText)
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "world.yaml"));
        var configuration = AppConfiguration.Load(null, new Dictionary<string, string?>
        {
            ["Aws:ServiceUrl"] = host.Endpoint.ToString(),
            ["Aws:AccessKeyId"] = "AKIATESTCOVERAGE0001",
            ["Aws:SecretAccessKey"] = "x",
            ["Aws:MaxRetries"] = "1",
            ["Aws:PageSize"] = "5",
            ["Aws:Regions:0"] = "us-east-1",
            ["Aws:Regions:1"] = "eu-west-1",
        });
        var time = TimeProvider.System;
        var sources = ProviderRegistry.Create(configuration, time, ["aws"]);
        var registry = CheckRegistry.CreateDefault();
        var gate = policyText is null ? null : new PolicyGate(new PolicyLoader(registry.Metadata).Parse(policyText, "coverage.yaml"), registry, time);
        await using var store = await RunStores.OpenAsync(new StoreLocation(StoreLocation.Sqlite, dir.File("s.db")), CancellationToken.None);
        var pipeline = new ScanPipeline(sources, store, time, 2, gate);

        var run = await pipeline.RunAsync(null, CancellationToken.None);

        Assert.False(run.IsPartial);
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
        return (host.Counters.Calls("DescribeNetworkInterfaces"), pipeline.Evaluation);
    }
}
