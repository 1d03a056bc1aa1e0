using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.AcceptAllFilter;

/// <summary>
/// A mirror that copies all traffic in both directions. Sanctioned NDR mirrors often do, so by default only
/// mirrors to unsanctioned destinations are reported (setting <c>includeSanctioned</c>).
/// </summary>
internal sealed class AcceptAllFilterCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "accept-all-filter",
        Title: "Mirror copies all traffic",
        Severity: Severity.Medium,
        Rationale: "A filter that accepts every packet both ways copies authentication exchanges and application data, "
            + "the most an adversary could want from a mirror; a narrow filter limits what leaks.",
        Remediation: Remediation.Of(
            aws: "Replace the filter's accept-all rules with rules for the protocols and ports the collector needs, or delete the session.",
            azure: "vTAP has no filter: restrict which NICs carry tap configurations, or remove the tap.",
            gcp: "Set the packet mirroring policy's filter (cidrRanges, IPProtocols, direction) to what the collector needs.",
            cisco: "Use a filter ACL or VLAN filter on the monitor session."),
        Permissions: CloudPermissions.For(CheckInputs.Inventory),
        Inputs: CheckInputs.Inventory,
        Settings: [new CheckSetting("includeSanctioned", SettingKind.Flag, false, "Also report mirrors to sanctioned collectors")]);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        var includeSanctioned = context.Flag("includeSanctioned");
        foreach (var session in context.Sessions)
        {
            if (session.AcceptsEverything && (includeSanctioned || context.Policy.CollectorFor(session) is null))
            {
                var why = session.Filter is null ? "has no filter" : $"filter {Describe.Text(session.Filter.Id)} accepts every packet in both directions";
                yield return CheckResult.Fail(session.Id, session.Scope, $"{Describe.Session(session)} {why}");
            }
        }
    }
}
