using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.FullPacketCaptureOfSensitiveSource;

/// <summary>
/// A mirror of a sensitive source (policy <c>sensitive</c>) that copies more of each packet than
/// <c>maxPacketLength</c> bytes: payloads of sensitive systems must not be copied, whatever the destination.
/// </summary>
internal sealed class FullPacketCaptureOfSensitiveSourceCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "full-packet-capture-of-sensitive-source",
        Title: "Sensitive source mirrored with full packet payloads",
        Severity: Severity.High,
        Rationale: "Sources holding cardholder, health or secret data may be monitored by headers only; copying whole "
            + "packets puts their payloads on the collector and anywhere the mirror leads.",
        Remediation: Remediation.Of(
            aws: "Set the session's PacketLength to the header length the collector needs (ec2:ModifyTrafficMirrorSession), or stop mirroring the source.",
            azure: "vTAP cannot truncate: remove the tap configuration from the sensitive NIC or accept the risk with an exception.",
            gcp: "Packet mirroring cannot truncate: exclude the sensitive instances, subnets or tags from the policy.",
            cisco: "Configure truncation ('mtu' on the monitor session) or exclude the sensitive interface."),
        Permissions: CloudPermissions.For(CheckInputs.Inventory),
        Inputs: CheckInputs.Inventory,
        Settings: [new CheckSetting("maxPacketLength", SettingKind.Number, 128L, "Largest number of bytes per packet that may be copied from a sensitive source", 1)]);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        var limit = context.Number("maxPacketLength");
        foreach (var session in context.Sessions)
        {
            if (session.PacketLength is { } length && length <= limit)
            {
                continue;
            }

            var hits = session.Sources
                .Select(source => (source, rule: context.Policy.Sensitive.FirstOrDefault(s => s.Matches(session, source))))
                .Where(h => h.rule is not null)
                .ToList();
            if (hits.Count > 0)
            {
                var copied = session.PacketLength is { } n ? $"{n} bytes of each packet" : "whole packets";
                var sources = string.Join(", ", hits.Take(5).Select(h => $"{Describe.Text(h.source.Id, 80)} ({Describe.Text(h.rule!.Name, 40)})"));
                yield return CheckResult.Fail(
                    session.Id,
                    session.Scope,
                    $"{Describe.Session(session)} copies {copied}, more than the policy's {limit}-byte limit, from sensitive source {sources}");
            }
        }
    }
}
