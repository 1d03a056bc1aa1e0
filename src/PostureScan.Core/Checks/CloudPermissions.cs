using System.Collections.Frozen;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Checks;

/// <summary>
/// The read permissions behind each kind of check input, per provider, so a check's metadata says what
/// it relies on and README's least-privilege policies can be checked against it.
/// </summary>
internal static class CloudPermissions
{
    private static readonly FrozenDictionary<string, string[]> InventoryActions = new Dictionary<string, string[]>
    {
        [Providers.Aws] = ["ec2:DescribeTrafficMirrorSessions", "ec2:DescribeTrafficMirrorTargets", "ec2:DescribeTrafficMirrorFilters", "ec2:DescribeNetworkInterfaces"],
        [Providers.Azure] = ["Microsoft.Network/virtualNetworkTaps/read", "Microsoft.Network/networkInterfaces/read", "Microsoft.Network/loadBalancers/read"],
        [Providers.Gcp] = ["compute.packetMirrorings.list", "compute.forwardingRules.get", "compute.subnetworks.get", "compute.instances.get"],
        [Providers.Cisco] = ["show running-config (privilege 15 or a read-only role with show monitor session)"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string[]> AuditActions = new Dictionary<string, string[]>
    {
        [Providers.Aws] = ["cloudtrail:LookupEvents", "s3:ListBucket", "s3:GetObject"],
        [Providers.Azure] = ["Microsoft.Insights/eventtypes/values/read"],
        [Providers.Gcp] = ["logging.logEntries.list"],
        [Providers.Cisco] = ["read access to the syslog / TACACS+ accounting files"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string[]> CandidateActions = new Dictionary<string, string[]>
    {
        [Providers.Aws] = ["ec2:DescribeNetworkInterfaces"],
        [Providers.Azure] = ["Microsoft.Network/networkInterfaces/read"],
        [Providers.Gcp] = ["compute.instances.list"],
        [Providers.Cisco] = ["show interfaces"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> For(CheckInputs inputs) =>
        Providers.All.ToFrozenDictionary(
            p => p,
            p => (IReadOnlyList<string>)[
                .. InventoryActions[p],
                .. inputs.HasFlag(CheckInputs.Audit) ? AuditActions[p] : [],
                .. inputs.HasFlag(CheckInputs.CandidateSources) ? CandidateActions[p] : []],
            StringComparer.Ordinal);
}
