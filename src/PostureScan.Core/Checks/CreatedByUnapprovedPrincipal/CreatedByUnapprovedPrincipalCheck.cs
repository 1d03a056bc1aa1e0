using PostureScan.Core.Attribution;
using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.CreatedByUnapprovedPrincipal;

/// <summary>A mirror, target or filter created or changed by a principal the policy does not allow.</summary>
internal sealed class CreatedByUnapprovedPrincipalCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "created-by-unapproved-principal",
        Title: "Mirror created or changed by an unapproved principal",
        Severity: Severity.High,
        Rationale: "Sanctioned mirrors are made by the NDR team's automation; a mirror made by anyone else, even to an "
            + "approved collector, is a change nobody reviewed and a common step of traffic-duplication attacks.",
        Remediation: Remediation.Of(
            aws: "Ask the principal's owner; if unexplained, delete the mirror, revoke the principal's sessions and keys, and restrict ec2:CreateTrafficMirror* with an SCP.",
            azure: "Ask the principal's owner; if unexplained, remove the tap and restrict Microsoft.Network/virtualNetworkTaps/write with Azure Policy or RBAC.",
            gcp: "Ask the principal's owner; if unexplained, delete the policy and remove compute.packetMirrorings.create from the principal.",
            cisco: "Check the TACACS+ accounting for the user; restrict 'monitor session' commands by command authorisation."),
        Permissions: CloudPermissions.For(CheckInputs.Audit),
        Inputs: CheckInputs.Audit,
        Settings: []);

    public IEnumerable<CheckResult> Evaluate(CheckContext context) =>
        AttributionWalk.Evaluate(context, (part, attribution) =>
        {
            if (attribution.State != AttributionState.Attributed)
            {
                return null;
            }

            var bad = AttributionWalk.Acts(attribution).FirstOrDefault(a => !context.Policy.IsAllowedPrincipal(a.Actor));
            return bad is null
                ? null
                : $"{Describe.Text(part)} was {(bad.EventName == "create" ? "created" : $"changed ({Describe.Text(bad.EventName, 60)})")} by {Describe.Text(bad.Actor ?? "an unknown principal", 200)}"
                  + $"{(bad.Time is { } t ? $" at {t.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}" : "")}, which is not an allowed principal";
        });
}
