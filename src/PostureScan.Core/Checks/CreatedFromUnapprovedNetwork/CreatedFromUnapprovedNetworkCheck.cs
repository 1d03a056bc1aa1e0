using System.Net;
using PostureScan.Core.Attribution;
using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.CreatedFromUnapprovedNetwork;

/// <summary>A mirror, target or filter created or changed from an address outside the policy's source networks.</summary>
internal sealed class CreatedFromUnapprovedNetworkCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "created-from-unapproved-network",
        Title: "Mirror created or changed from an unapproved network",
        Severity: Severity.High,
        Rationale: "Mirror changes are expected from the organisation's automation and admin networks; a change from "
            + "any other address suggests stolen credentials used from outside.",
        Remediation: Remediation.Of(
            aws: "Investigate the source IP in CloudTrail; add aws:SourceIp or aws:SourceVpce conditions to the roles allowed to create mirrors.",
            azure: "Investigate the caller IP in the Activity Log; enforce Conditional Access named locations for the principals.",
            gcp: "Investigate the caller IP in Cloud Audit Logs; apply VPC Service Controls or IAM conditions on the principals.",
            cisco: "Restrict management access (VTY ACLs) to the admin networks."),
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

            var bad = AttributionWalk.Acts(attribution).FirstOrDefault(a => !Allowed(context, a.SourceIp));
            return bad is null
                ? null
                : $"{Describe.Text(part)} was {(bad.EventName == "create" ? "created" : $"changed ({Describe.Text(bad.EventName, 60)})")} from {Describe.Text(bad.SourceIp ?? "an unknown address", 100)}, outside the allowed source networks";
        });

    // A source that is not an IP (a service name such as ec2.amazonaws.com, or absent) cannot be shown to be inside.
    private static bool Allowed(CheckContext context, string? sourceIp) =>
        sourceIp is not null && IPAddress.TryParse(sourceIp, out var ip) && context.Policy.SourceNetworks.Any(n => n.Contains(ip));
}
