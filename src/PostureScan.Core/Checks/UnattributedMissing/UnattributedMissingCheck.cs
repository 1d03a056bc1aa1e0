using PostureScan.Core.Attribution;
using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.UnattributedMissing;

/// <summary>A mirror part whose creation falls inside the audit log window, yet no create event was found.</summary>
internal sealed class UnattributedMissingCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "unattributed-missing",
        Title: "Mirror has no creation event although the logs cover its creation",
        Severity: Severity.High,
        Rationale: "When the audit window covers a resource's creation but holds no create event, the logs have a gap: "
            + "a trail stopped, events filtered, or records deleted — what an adversary does to hide a mirror.",
        Remediation: Remediation.Of(
            aws: "Check the trail's status and event selectors (cloudtrail:GetTrailStatus), S3 object versions and deletions; treat the mirror as suspicious until explained.",
            azure: "Check diagnostic settings and the Activity Log export for gaps; treat the tap as suspicious until explained.",
            gcp: "Check log sinks, exclusions and Admin Activity log retention; treat the policy as suspicious until explained.",
            cisco: "Check syslog and TACACS+ accounting delivery for gaps around the session's appearance."),
        Permissions: CloudPermissions.For(CheckInputs.Audit),
        Inputs: CheckInputs.Audit,
        Settings: []);

    public IEnumerable<CheckResult> Evaluate(CheckContext context) =>
        AttributionWalk.Evaluate(context, (part, attribution) => attribution.State == AttributionState.UnattributedMissing
            ? $"no create event was found for {Describe.Text(part)} although the audit window covers its creation ({Describe.Text(attribution.Reason ?? "window not given", 200)})"
            : null);
}
