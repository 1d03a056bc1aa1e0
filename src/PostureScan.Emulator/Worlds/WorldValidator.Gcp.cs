using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PostureScan.Emulator.Worlds;

/// <summary>The checks of the gcp section.</summary>
internal sealed partial class WorldValidator
{
    private static readonly string[] GcpLifecycleStates = ["ACTIVE", "DELETE_REQUESTED"];
    private static readonly string[] GcpDirections = ["INGRESS", "EGRESS", "BOTH"];
    private static readonly string[] GcpProtocols = ["tcp", "udp", "icmp", "esp", "ah", "ipip", "sctp"];
    private static readonly string[] GcpSchemes = ["INTERNAL", "INTERNAL_MANAGED", "INTERNAL_SELF_MANAGED", "EXTERNAL", "EXTERNAL_MANAGED"];

    private void ValidateGcp(GcpWorld gcp)
    {
        Unique(gcp.ServiceAccounts, a => a.Email, "service account");
        foreach (var account in gcp.ServiceAccounts)
        {
            Require(account, account.Email.Contains('@', StringComparison.Ordinal), $"service account '{account.Email}' needs an email address");
            Require(account, account.PublicKey is null || IsRsaPublicKey(account.PublicKey), $"publicKey of '{account.Email}' is not an RSA public key in PEM");
        }

        Unique(gcp.Projects, p => p.Id, "project");
        foreach (var project in gcp.Projects)
        {
            Require(project, GcpProjectId().IsMatch(project.Id), $"project id '{project.Id}' must be 6 to 30 lower-case letters, digits or hyphens, starting with a letter");
            Require(project, project.Number is null || GcpNumericId().IsMatch(project.Number), "a project number is digits only");
            OneOf(project, "lifecycleState", project.LifecycleState, GcpLifecycleStates);
            ValidateFaults(project.Faults);
            Unique(project.Regions, r => r.Name, "region");
            foreach (var region in project.Regions)
            {
                Require(region, GcpName().IsMatch(region.Name), $"region name '{region.Name}' is not a Compute name");
                ValidateFaults(region.Faults);
                ValidateGcpRegion(region);
            }
        }
    }

    private void ValidateGcpRegion(GcpRegion region)
    {
        Unique(region.PacketMirrorings, p => p.Name, "packet mirroring");
        foreach (var policy in region.PacketMirrorings)
        {
            GcpResourceName(policy, policy.Name, policy.Id);
            Require(policy, policy.Network.Length > 0 && policy.CollectorIlb.Length > 0, $"packet mirroring '{policy.Name}' needs network and collectorIlb");
            Require(policy, policy.Priority is >= 0 and <= 65535, "priority must be between 0 and 65535");
            if (policy.Filter is { } filter)
            {
                OneOf(filter, "direction", filter.Direction, GcpDirections);
                foreach (var protocol in filter.IpProtocols)
                {
                    Require(filter, GcpProtocols.Contains(protocol) || (int.TryParse(protocol, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255),
                        $"ipProtocols '{protocol}' is not one of: {string.Join(", ", GcpProtocols)}, or a protocol number");
                }
            }
        }

        Unique(region.Subnetworks, s => s.Name, "subnetwork");
        foreach (var subnet in region.Subnetworks)
        {
            GcpResourceName(subnet, subnet.Name, subnet.Id);
            Require(subnet, subnet.Network.Length > 0 && subnet.IpCidrRange.Length > 0, $"subnetwork '{subnet.Name}' needs network and ipCidrRange");
        }

        Unique(region.Instances, i => i.Zone + "/" + i.Name, "instance");
        foreach (var instance in region.Instances)
        {
            GcpResourceName(instance, instance.Name, instance.Id);
            Require(instance, instance.Zone.StartsWith(region.Name + "-", StringComparison.Ordinal), $"zone '{instance.Zone}' of instance '{instance.Name}' is not in region {region.Name}");
            Require(instance, instance.Network.Length > 0, $"instance '{instance.Name}' needs a network");
        }

        Unique(region.ForwardingRules, f => f.Name, "forwarding rule");
        foreach (var rule in region.ForwardingRules)
        {
            GcpResourceName(rule, rule.Name, rule.Id);
            Require(rule, rule.IpAddress.Length > 0 && rule.Network.Length > 0, $"forwarding rule '{rule.Name}' needs ipAddress and network");
            OneOf(rule, "loadBalancingScheme", rule.LoadBalancingScheme, GcpSchemes);
        }
    }

    private void GcpResourceName(object node, string name, string? id)
    {
        Require(node, GcpName().IsMatch(name), $"'{name}' is not a Compute name (lower-case letters, digits and hyphens, at most 63)");
        Require(node, id is null || GcpNumericId().IsMatch(id), $"id '{id}' of '{name}' is not a decimal number");
    }

    private static bool IsRsaPublicKey(string pem)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$")]
    private static partial Regex GcpProjectId();

    [GeneratedRegex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex GcpName();

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex GcpNumericId();
}
