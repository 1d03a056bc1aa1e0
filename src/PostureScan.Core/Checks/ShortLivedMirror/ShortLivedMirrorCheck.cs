using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.ShortLivedMirror;

/// <summary>A mirror created and deleted within <c>maxLifetimeHours</c>, known only from the audit logs.</summary>
internal sealed class ShortLivedMirrorCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "short-lived-mirror",
        Title: "Mirror existed only briefly",
        Severity: Severity.High,
        Rationale: "An adversary's mirror may run for an hour between two nightly scans and be gone by morning; only its "
            + "create and delete events remain, and they must still be reviewed.",
        Remediation: Remediation.Of(
            aws: "Review who created and deleted the session and what its target was; check the target's account and flow logs for the copied traffic.",
            azure: "Review the tap's create and delete operations and its destination.",
            gcp: "Review the packet mirroring policy's insert and delete entries and its collector.",
            cisco: "Review the accounting records of the monitor session commands."),
        Permissions: CloudPermissions.For(CheckInputs.Audit),
        Inputs: CheckInputs.Audit,
        Settings: [new CheckSetting("maxLifetimeHours", SettingKind.Number, 24L, "Mirrors deleted within this many hours of their creation are reported", 1)]);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        var limit = TimeSpan.FromHours(context.Number("maxLifetimeHours"));
        foreach (var mirror in context.Input.Audit?.DeletedMirrors ?? [])
        {
            if (mirror.Lifetime >= TimeSpan.Zero && mirror.Lifetime <= limit)
            {
                yield return CheckResult.Fail(
                    mirror.ResourceId,
                    mirror.Scope,
                    $"{Describe.Text(mirror.ResourceId)} was created {mirror.CreatedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} by {Describe.Text(mirror.Actor ?? "an unknown principal", 200)}"
                    + $" from {Describe.Text(mirror.SourceIp ?? "an unknown address", 100)} and deleted {mirror.Lifetime.TotalMinutes:0} minutes later");
            }
        }
    }
}
