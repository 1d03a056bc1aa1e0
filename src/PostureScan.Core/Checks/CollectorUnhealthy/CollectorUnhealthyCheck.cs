using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.CollectorUnhealthy;

/// <summary>A sanctioned mirror that no longer delivers: disabled, or its target is gone.</summary>
internal sealed class CollectorUnhealthyCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "collector-unhealthy",
        Title: "Sanctioned mirror is not delivering to its collector",
        Severity: Severity.High,
        Rationale: "A sanctioned mirror that is disabled or points at a deleted target leaves the NDR blind; an "
            + "adversary who disables monitoring before acting produces exactly this state.",
        Remediation: Remediation.Of(
            aws: "Recreate the traffic mirror target for the collector's NLB, GWLB endpoint or ENI and point the session at it; find who deleted it in CloudTrail.",
            azure: "Restore the vTAP destination and the NIC tap configuration.",
            gcp: "Re-enable the packet mirroring policy (enable: TRUE) and check the collector forwarding rule exists.",
            cisco: "Bring the monitor session back up ('no shutdown') and check the destination interface."),
        Permissions: CloudPermissions.For(CheckInputs.Inventory),
        Inputs: CheckInputs.Inventory,
        Settings: []);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        foreach (var session in context.Sessions)
        {
            if (context.Policy.CollectorFor(session) is not { } collector)
            {
                continue;
            }

            var problem = !session.Enabled ? "is disabled"
                : session.Target is null ? $"points at target {Describe.Text(session.TargetId)}, which no longer exists"
                : null;
            if (problem is not null)
            {
                yield return CheckResult.Fail(session.Id, session.Scope, $"{Describe.Session(session)} to sanctioned collector '{Describe.Text(collector.Name, 60)}' {problem}");
            }
        }
    }
}
