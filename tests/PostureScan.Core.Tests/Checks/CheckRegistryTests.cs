using PostureScan.Core.Checks;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Tests.Support;

namespace PostureScan.Core.Tests.Checks;

/// <summary>Walks the registry: every check is complete, and nothing is registered twice or untested.</summary>
public class CheckRegistryTests
{
    public static TheoryData<string> CheckIds => [.. Policies.Registry.Metadata.Select(m => m.Id)];

    [Fact]
    public void Check_ids_are_unique_kebab_case_and_the_issue_list_is_all_there()
    {
        var ids = Policies.Registry.Metadata.Select(m => m.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z]+(-[a-z]+)*$", id));
        Assert.Superset(
            new HashSet<string>(
            [
                "unapproved-destination", "destination-in-foreign-account", "destination-internet-facing",
                "created-by-unapproved-principal", "created-from-unapproved-network", "unattributed-missing",
                "short-lived-mirror", "accept-all-filter", "full-packet-capture-of-sensitive-source", "coverage-gap",
                "collector-unhealthy", "failed-create-attempts",
            ]),
            ids.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Each_check_has_complete_metadata(string id)
    {
        var metadata = Policies.Registry.Find(id)!.Metadata;

        Assert.False(string.IsNullOrWhiteSpace(metadata.Title));
        Assert.True(metadata.Rationale.Length > 40, "a rationale a person can read");
        Assert.Equal("T1020.001", metadata.Mitre);
        Assert.True(Enum.IsDefined(metadata.Severity));
        foreach (var provider in Providers.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(metadata.Remediation.GetValueOrDefault(provider)), $"{id}: remediation for {provider}");
            Assert.NotEmpty(metadata.Permissions.GetValueOrDefault(provider) ?? []);
        }

        Assert.Contains("ec2:DescribeTrafficMirrorSessions", metadata.Permissions[Providers.Aws]);
        Assert.Equal(metadata.Inputs.HasFlag(CheckInputs.Audit), metadata.Permissions[Providers.Aws].Contains("cloudtrail:LookupEvents"));
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Each_check_lives_in_its_own_folder_and_has_a_test_class(string id)
    {
        var type = Policies.Registry.Find(id)!.GetType();
        var folder = type.Namespace!.Split('.')[^1];

        Assert.Equal($"PostureScan.Core.Checks.{folder}", type.Namespace);
        Assert.Equal($"{folder}Check", type.Name);
        Assert.NotNull(typeof(CheckRegistryTests).Assembly.GetType($"PostureScan.Core.Tests.Checks.{type.Name}Tests"));
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Setting_defaults_have_the_declared_type(string id)
    {
        foreach (var setting in Policies.Registry.Find(id)!.Metadata.Settings)
        {
            Assert.IsType(setting.Kind == SettingKind.Flag ? typeof(bool) : typeof(long), setting.Default);
        }
    }

    [Fact]
    public void A_second_check_with_the_same_id_is_refused()
    {
        var check = Policies.Registry.Checks[0];

        Assert.Throws<ArgumentException>(() => new CheckRegistry([check, check]));
    }

    [Fact]
    public void Severities_order_from_info_to_critical()
    {
        Assert.True(Severity.Info < Severity.Low && Severity.Low < Severity.Medium && Severity.Medium < Severity.High && Severity.High < Severity.Critical);
    }
}
