using System.Net;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Checks.ErspanDestinationOutsideSanctionedNetworks;

/// <summary>
/// An ERSPAN session whose GRE destination lies outside the networks the policy sanctions for ERSPAN
/// (<c>erspanNetworks</c>, else the collectors' CIDRs). Shut-down sessions are reported too: a staged
/// session to an outside address is one <c>no shutdown</c> away from sending.
/// </summary>
internal sealed class ErspanDestinationOutsideSanctionedNetworksCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "erspan-destination-outside-sanctioned-networks",
        Title: "ERSPAN session sends copies outside the sanctioned networks",
        Severity: Severity.High,
        Rationale: "ERSPAN wraps every copied packet in GRE and routes it to any IP address the device can reach, "
            + "off-site included. Sanctioned ERSPAN collectors sit in known internal networks; a destination outside "
            + "them carries the mirrored traffic where the organisation cannot see it.",
        Remediation: Remediation.Of(
            aws: "Not applicable to AWS traffic mirroring (VXLAN to targets in the estate).",
            azure: "Not applicable to Azure virtual network TAPs.",
            gcp: "Not applicable to GCP packet mirroring.",
            cisco: "Confirm the ERSPAN destination ('ip address' under the session's 'destination'); if not sanctioned, remove the session ('no monitor session N'), review the accounting log for who set it, and filter GRE to outside addresses at the edge. If sanctioned, add its network to the policy's erspanNetworks."),
        Permissions: CloudPermissions.For(CheckInputs.Inventory),
        Inputs: CheckInputs.Inventory,
        Settings: []);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        var networks = context.Policy.SanctionedErspanNetworks;
        foreach (var session in context.Sessions)
        {
            if (session.Target is not { Kind: TargetKind.ErspanAddress } target)
            {
                continue;
            }

            var state = session.Enabled ? "" : " (shut down)";
            if (!IPAddress.TryParse(target.Address, out var address))
            {
                yield return CheckResult.Error(session.Id, session.Scope, $"{Describe.Session(session)}{state} has an ERSPAN destination that is not an IP address: {Describe.Text(target.Address, 60)}");
                continue;
            }

            var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            if (!networks.Any(n => n.Contains(ip)))
            {
                var sanctioned = networks.Count == 0 ? "no network is sanctioned for ERSPAN" : $"outside {string.Join(", ", networks.Take(5))}";
                yield return CheckResult.Fail(session.Id, session.Scope, $"{Describe.Session(session)}{state} sends ERSPAN copies to {ip}, {sanctioned}");
            }
        }
    }
}
