using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks.FailedCreateAttempts;

/// <summary>
/// One actor failing to create or change mirrors <c>threshold</c> times within <c>windowHours</c> in one
/// account: someone probing for the permission. The finding's resource is the account and the actor.
/// </summary>
internal sealed class FailedCreateAttemptsCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "failed-create-attempts",
        Title: "Repeated failed attempts to create mirrors",
        Severity: Severity.Medium,
        Rationale: "Denied mirror-creation calls repeated by one principal show someone trying to duplicate traffic "
            + "without the rights to do so — yet; the next attempt may use a stronger credential.",
        Remediation: Remediation.Of(
            aws: "Identify the principal and why it calls ec2:CreateTrafficMirror*; if unexpected, rotate its credentials and investigate its other activity.",
            azure: "Identify the caller of the failed virtualNetworkTaps/write operations and review its sign-ins.",
            gcp: "Identify the principal behind the denied packetMirrorings.insert calls and review its keys.",
            cisco: "Review the denied 'monitor session' commands in the TACACS+ accounting."),
        Permissions: CloudPermissions.For(CheckInputs.Audit),
        Inputs: CheckInputs.Audit,
        Settings:
        [
            new CheckSetting("threshold", SettingKind.Number, 3L, "Failed attempts by one actor that make a finding", 1),
            new CheckSetting("windowHours", SettingKind.Number, 24L, "The sliding window the attempts must fall in", 1),
        ]);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        var threshold = (int)Math.Min(context.Number("threshold"), int.MaxValue);
        var window = TimeSpan.FromHours(context.Number("windowHours"));
        var groups = (context.Input.Audit?.FailedAttempts ?? [])
            .GroupBy(a => (a.Scope.Provider, a.Scope.Account, Actor: a.Actor ?? "unknown"));
        foreach (var group in groups)
        {
            var attempts = group.OrderBy(a => a.Time).ToList();
            for (var i = 0; i + threshold - 1 < attempts.Count; i++)
            {
                var last = attempts[i + threshold - 1];
                if (last.Time - attempts[i].Time <= window)
                {
                    var events = string.Join(", ", attempts.Select(a => a.EventName).Distinct(StringComparer.Ordinal).Take(5).Select(e => Describe.Text(e, 60)));
                    yield return CheckResult.Fail(
                        $"{group.Key.Account}/{group.Key.Actor}",
                        attempts[^1].Scope,
                        $"{Describe.Text(group.Key.Actor, 200)} failed {attempts.Count} mirror calls ({events}) in account {Describe.Text(group.Key.Account, 64)}, at least {threshold} within {window.TotalHours:0} hours");
                    break;
                }
            }
        }
    }
}
