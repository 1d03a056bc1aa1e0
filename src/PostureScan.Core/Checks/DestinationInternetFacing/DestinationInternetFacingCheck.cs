using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.DestinationInternetFacing;

/// <summary>A mirror whose destination faces the internet: a public load balancer or a public address.</summary>
internal sealed class DestinationInternetFacingCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "destination-internet-facing",
        Title: "Mirror destination is reachable from the internet",
        Severity: Severity.Critical,
        Rationale: "A mirror target behind an internet-facing load balancer or with a public address can forward copied "
            + "packets straight out of the network; sanctioned NDR collectors sit on internal addresses.",
        Remediation: Remediation.Of(
            aws: "Delete the session, or move the target to an internal network load balancer or an ENI without a public IP.",
            azure: "Point the vTAP at an internal load balancer frontend or a NIC without a public IP.",
            gcp: "Use an internal passthrough load balancer forwarding rule as the collector.",
            cisco: "Keep ERSPAN destinations on internal, non-routable addresses."),
        Permissions: CloudPermissions.For(CheckInputs.Inventory),
        Inputs: CheckInputs.Inventory,
        Settings: []);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        foreach (var session in context.Sessions)
        {
            if (session.Target is not { } target)
            {
                continue;
            }

            var reason = target.InternetFacing == true ? "is internet-facing"
                : PublicAddress.Is(target.Address) ? "has a public address"
                : null;
            if (reason is not null)
            {
                yield return CheckResult.Fail(session.Id, session.Scope, $"{Describe.Session(session)} sends packets to {Describe.Target(session)}, which {reason}");
            }
        }
    }
}
