using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;

namespace PostureScan.Core.Tests.Policy;

/// <summary>Each broken file yields exactly one error, with the exact message, position and key.</summary>
public class BrokenPolicyTests
{
    public static TheoryData<string, string> Broken => new()
    {
        {
            "version: 1\ncolectors: []",
            "2:1: colectors: unknown key 'colectors'; expected one of: version, estate, collectors, principals, sourceNetworks, erspanNetworks, sensitive, coverage, exceptions, checks"
        },
        {
            "collectors: []",
            "1:1: version: missing required key 'version' (this build reads version 1)"
        },
        {
            "version: 2",
            "1:10: version: unsupported version 2; this build reads version 1"
        },
        {
            "version: one",
            "1:10: version: expected an integer, found 'one'"
        },
        {
            "version: 1\nprincipals: arn:aws:iam::1:role/x",
            "2:13: principals: expected a list, found 'arn:aws:iam::1:role/x'"
        },
        {
            "version: 1\nsourceNetworks:\n  - 10.0.0.0/33",
            "3:5: sourceNetworks[0]: '10.0.0.0/33' is not a CIDR block (address/prefix with no host bits set, e.g. 10.0.0.0/8)"
        },
        {
            "version: 1\nsourceNetworks:\n  - 10.0.0.1/8",
            "3:5: sourceNetworks[0]: '10.0.0.1/8' is not a CIDR block (address/prefix with no host bits set, e.g. 10.0.0.0/8)"
        },
        {
            "version: 1\nsourceNetworks:\n  - 198.51.100.7",
            "3:5: sourceNetworks[0]: '198.51.100.7' is not a CIDR block (address/prefix with no host bits set, e.g. 10.0.0.0/8)"
        },
        {
            "version: 1\ncollectors:\n  - name: ndr\n    providerIds: [tmt-1]\n    cidr: [10.0.0.0/8]",
            "5:5: collectors[0].cidr: unknown key 'cidr'; expected one of: name, providerIds, cidrs, tags, interfaces, rspanVlans"
        },
        {
            "version: 1\ncollectors:\n  - providerIds: [tmt-1]",
            "3:5: collectors[0].name: missing required key 'name'"
        },
        {
            "version: 1\ncollectors:\n  - name: ndr",
            "3:5: collectors[0]: a collector needs at least one of: providerIds, cidrs, tags, interfaces, rspanVlans"
        },
        {
            "version: 1\ncollectors:\n  - name: ndr\n    tags: [role]",
            "4:11: collectors[0].tags: expected a mapping, found a list"
        },
        {
            "version: 1\ncollectors:\n  - { name: ndr, providerIds: [tmt-1] }\n  - { name: ndr, providerIds: [tmt-2] }",
            "4:13: collectors[1].name: the name 'ndr' is already used by another collector"
        },
        {
            "version: 1\nsensitive:\n  - name: pci\n    subnets: [10.20.9.0/24, 10.20.300.0/24]",
            "4:29: sensitive[0].subnets[1]: '10.20.300.0/24' is not a CIDR block (address/prefix with no host bits set, e.g. 10.0.0.0/8)"
        },
        {
            "version: 1\ncoverage:\n  - name: prod\n    collector: ndr",
            "4:16: coverage[0].collector: no collector is named 'ndr'"
        },
        {
            "version: 1\ncollectors: [{ name: ndr, cidrs: [10.0.0.0/8] }]\ncoverage:\n  - { name: prod, collector: ndr, providers: [aws, oracle] }",
            "4:52: coverage[0].providers[1]: unknown provider 'oracle'; expected one of: aws, azure, gcp, cisco"
        },
        {
            "version: 1\nexceptions:\n  - resource: tms-1\n    reason: agreed\n    owner: secops\n    expires: 2027-02-30",
            "6:14: exceptions[0].expires: '2027-02-30' is not a date (YYYY-MM-DD)"
        },
        {
            "version: 1\nexceptions:\n  - resource: tms-1\n    reason: agreed\n    owner: secops\n    expires: next week",
            "6:14: exceptions[0].expires: 'next week' is not a date (YYYY-MM-DD)"
        },
        {
            "version: 1\nexceptions:\n  - resource: tms-1\n    reason: agreed\n    owner: secops",
            "3:5: exceptions[0].expires: missing required key 'expires'"
        },
        {
            "version: 1\nexceptions:\n  - { finding: f-1, resource: tms-1, reason: agreed, owner: secops, expires: 2027-01-31 }",
            "3:5: exceptions[0]: give exactly one of 'finding' (a finding id) or 'resource' (a resource id)"
        },
        {
            "version: 1\nexceptions:\n  - { resource: tms-1, check: no-such-check, reason: agreed, owner: secops, expires: 2027-01-31 }",
            "3:31: exceptions[0].check: unknown check 'no-such-check'"
        },
        {
            "version: 1\nchecks:\n  accept-all-filter:\n    severity: urgent",
            "4:15: checks.accept-all-filter.severity: 'urgent' is not a severity; expected one of: info, low, medium, high, critical"
        },
        {
            "version: 1\nchecks:\n  accept-all-filter:\n    enabled: yes",
            "4:14: checks.accept-all-filter.enabled: expected true or false, found 'yes'"
        },
        {
            "version: 1\nchecks:\n  accept-all-filter:\n    maxPacketLength: 64",
            "4:5: checks.accept-all-filter.maxPacketLength: unknown key 'maxPacketLength'; expected one of: enabled, severity, includeSanctioned"
        },
        {
            "version: 1\nchecks:\n  short-lived-mirror:\n    maxLifetimeHours: \"24\"",
            "4:23: checks.short-lived-mirror.maxLifetimeHours: expected an integer, found '24'"
        },
        {
            "version: 1\nchecks:\n  short-lived-mirror:\n    maxLifetimeHours: 0",
            "4:23: checks.short-lived-mirror.maxLifetimeHours: must be at least 1"
        },
        {
            "version: 1\nchecks:\n  sneaky-check: { enabled: false }",
            "3:3: checks.sneaky-check: unknown check 'sneaky-check'; known checks: unapproved-destination, destination-in-foreign-account, destination-internet-facing, erspan-destination-outside-sanctioned-networks, created-by-unapproved-principal, created-from-unapproved-network, unattributed-missing, short-lived-mirror, accept-all-filter, full-packet-capture-of-sensitive-source, coverage-gap, collector-unhealthy, failed-create-attempts"
        },
        {
            "version: 1\nprincipals:\n  - ''",
            "3:5: principals[0]: value is empty"
        },
        {
            "version: 1\nprincipals: a: b",
            "2:14: (syntax): While scanning a plain scalar value, found invalid mapping."
        },
        {
            "",
            "1:1: (document): the policy is empty; it needs at least 'version: 1'"
        },
        {
            "- version: 1",
            "1:1: (root): expected a mapping, found a list"
        },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_policy_is_refused_with_file_line_column_and_key(string yaml, string expected)
    {
        var ex = Assert.Throws<PolicyFormatException>(() => Policies.Parse(yaml));

        var error = Assert.Single(ex.Errors);
        Assert.Equal($"test.yaml:{expected}", error.ToString());
    }
}
