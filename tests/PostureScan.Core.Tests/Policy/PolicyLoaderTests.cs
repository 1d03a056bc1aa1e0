using System.Net;
using PostureScan.Core.Findings;
using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Policy;

public class PolicyLoaderTests
{
    [Fact]
    public void The_example_policy_loads_into_the_records_it_describes()
    {
        var policy = Policies.Loader.Load(Policies.Shipped("sanctioned-ndr.example.yaml"));

        Assert.Equal(["corelight-prod-use1", "corelight-staging-gwlb", "ndr-ldn-span", "zeek-azure-weu", "zeek-gcp-euw1"], policy.Collectors.Select(c => c.Name));
        Assert.Contains(IPNetwork.Parse("10.10.0.0/24"), policy.Collectors[0].Cidrs);
        Assert.Contains("444444444444", policy.EstateAccounts);
        Assert.True(policy.IsAllowedPrincipal("arn:aws:sts::222222222222:assumed-role/posturescan/nightly"));
        Assert.False(policy.IsAllowedPrincipal("arn:aws:sts::222222222222:assumed-role/admin/mallory"));
        Assert.Equal([new DateOnly(2025, 12, 31), new DateOnly(2099, 12, 31)], policy.Exceptions.Select(e => e.Expires));
        Assert.Equal(["corelight-prod-use1", "zeek-azure-weu", "zeek-gcp-euw1"], policy.Coverage.Select(c => c.Collector));
        Assert.Equal(Severity.High, policy.Checks["coverage-gap"].Severity);
        Assert.Equal(128L, policy.Checks["full-packet-capture-of-sensitive-source"].Settings["maxPacketLength"]);
    }

    [Fact]
    public void The_default_policy_loads_with_nothing_sanctioned()
    {
        var policy = Policies.Loader.Load(Policies.Shipped("default.yaml"));

        Assert.Empty(policy.Collectors);
        Assert.Empty(policy.Principals);
        Assert.Empty(policy.SourceNetworks);
        Assert.Null(policy.CollectorFor(Some.Session()));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_not_only_the_first()
    {
        var ex = Assert.Throws<PolicyFormatException>(() => Policies.Parse("""
            version: 1
            sourceNetworks: [10.0.0.0/33, 10.0.0.0/8, not-a-cidr]
            checks:
              accept-all-filter: { severity: urgent }
            """));

        Assert.Equal(
            [
                "test.yaml:2:18: sourceNetworks[0]: '10.0.0.0/33' is not a CIDR block (address/prefix with no host bits set, e.g. 10.0.0.0/8)",
                "test.yaml:2:43: sourceNetworks[2]: 'not-a-cidr' is not a CIDR block (address/prefix with no host bits set, e.g. 10.0.0.0/8)",
                "test.yaml:4:34: checks.accept-all-filter.severity: 'urgent' is not a severity; expected one of: info, low, medium, high, critical",
            ],
            ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_name()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("absent.yaml");

        var error = Assert.Single(Assert.Throws<PolicyFormatException>(() => Policies.Loader.Load(path)).Errors);

        Assert.Equal($"{path}:1:1: (file): file not found", error.ToString());
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_parsing()
    {
        var text = "version: 1\n# " + new string('x', (int)PolicyLoader.MaxFileBytes);

        var error = Assert.Single(Assert.Throws<PolicyFormatException>(() => Policies.Parse(text)).Errors);

        Assert.Equal("(file)", error.Key);
    }

    [Fact]
    public void Hostile_values_are_shortened_in_messages()
    {
        var ex = Assert.Throws<PolicyFormatException>(() => Policies.Parse($"version: 1\nsourceNetworks: ['{new string('9', 500)}']"));

        var error = Assert.Single(ex.Errors);
        Assert.True(error.Message.Length < 200, error.Message);
    }
}
