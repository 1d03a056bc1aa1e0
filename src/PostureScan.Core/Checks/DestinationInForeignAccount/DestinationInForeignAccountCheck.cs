using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.DestinationInForeignAccount;

/// <summary>
/// A mirror whose destination is owned by an account, subscription or project outside the estate: the
/// scanned ones plus the policy's <c>estate.accounts</c>.
/// </summary>
internal sealed class DestinationInForeignAccountCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "destination-in-foreign-account",
        Title: "Mirror destination is owned by an account outside the estate",
        Severity: Severity.Critical,
        Rationale: "Packets mirrored to a target in another organisation's account leave your control entirely; this "
            + "is the cloud form of traffic duplication to attacker infrastructure (T1020.001).",
        Remediation: Remediation.Of(
            aws: "Delete the traffic mirror session and find how the cross-account target was shared (RAM share or target in the other account); if the account is yours, list it under estate.accounts.",
            azure: "Remove the tap configuration; check the vTAP's subscription and tenant; if the subscription is yours, list it under estate.accounts.",
            gcp: "Delete the packet mirroring policy; check the collector's project and any Shared VPC or peering; if the project is yours, list it under estate.accounts.",
            cisco: "Remove the ERSPAN session whose destination lies outside your address plan."),
        Permissions: CloudPermissions.For(CheckInputs.Inventory),
        Inputs: CheckInputs.Inventory,
        Settings: []);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        foreach (var session in context.Sessions)
        {
            if (session.Target?.OwnerAccount is { Length: > 0 } owner && !context.InEstate(owner))
            {
                yield return CheckResult.Fail(
                    session.Id,
                    session.Scope,
                    $"{Describe.Session(session)} sends packets to {Describe.Target(session)} owned by {Describe.Text(owner, 64)}, which is not an account of the estate");
            }
        }
    }
}
