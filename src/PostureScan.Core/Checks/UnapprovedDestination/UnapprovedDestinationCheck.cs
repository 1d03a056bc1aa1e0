using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.UnapprovedDestination;

/// <summary>A mirror whose destination matches none of the policy's sanctioned collectors.</summary>
internal sealed class UnapprovedDestinationCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "unapproved-destination",
        Title: "Mirror sends packets to an unapproved destination",
        Severity: Severity.High,
        Rationale: "A mirror copies every packet of its sources, credentials and session tokens included. Only the "
            + "organisation's sanctioned NDR collectors should receive them; any other destination may be an adversary's.",
        Remediation: Remediation.Of(
            aws: "Confirm the owner of the traffic mirror target; if not sanctioned, delete the session (ec2:DeleteTrafficMirrorSession) and its target, then review who created them. If sanctioned, add the target to the policy's collectors.",
            azure: "Confirm the virtual network TAP destination; if not sanctioned, remove the NIC tap configuration and the vTAP, then review the Activity Log.",
            gcp: "Confirm the packet mirroring policy's collector forwarding rule; if not sanctioned, delete the policy and review Cloud Audit Logs.",
            cisco: "Confirm the SPAN/RSPAN/ERSPAN destination; if not sanctioned, remove the monitor session ('no monitor session N') and review the accounting log."),
        Permissions: CloudPermissions.For(CheckInputs.Inventory),
        Inputs: CheckInputs.Inventory,
        Settings: []);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        foreach (var session in context.Sessions)
        {
            if (context.Policy.CollectorFor(session) is null)
            {
                yield return CheckResult.Fail(
                    session.Id,
                    session.Scope,
                    $"{Describe.Session(session)} sends packets to {Describe.Target(session)}, which matches no sanctioned collector");
            }
        }
    }
}
