using PostureScan.Core.Attribution;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Checks;

/// <summary>
/// The walk the attribution checks share: each session and its parts (target, filter), their attribution,
/// and the rule that what cannot be known is an error, never a pass — the scope's audit source failed,
/// the source could not be read for this resource, or no attribution was computed for the session.
/// </summary>
internal static class AttributionWalk
{
    /// <summary>A create or change event of an attributed resource: who, from where, what.</summary>
    public sealed record Act(string? Actor, string? SourceIp, DateTimeOffset? Time, string EventName);

    public static IEnumerable<CheckResult> Evaluate(CheckContext context, Func<string, Attribution.Attribution, string?> judge)
    {
        foreach (var session in context.Sessions)
        {
            if (context.AuditFailure(session.Scope) is { } failure)
            {
                yield return CheckResult.Error(session.Id, session.Scope, $"cannot tell who created {Describe.Session(session)}: {failure}");
                continue;
            }

            foreach (var part in Parts(session))
            {
                var attribution = context.AttributionOf(part);
                if (attribution is null)
                {
                    if (part == session.Id)
                    {
                        yield return CheckResult.Error(part, session.Scope, $"no attribution was computed for {Describe.Session(session)}");
                    }

                    continue;
                }

                if (attribution.State == AttributionState.SourceUnavailable)
                {
                    yield return CheckResult.Error(part, session.Scope, $"the audit source could not be read for {Describe.Text(part)}: {Describe.Text(attribution.Reason, 200)}");
                }
                else if (judge(part, attribution) is { } message)
                {
                    yield return CheckResult.Fail(part, session.Scope, message);
                }
            }
        }
    }

    /// <summary>The creation and every successful create or modify change after it.</summary>
    public static IEnumerable<Act> Acts(Attribution.Attribution attribution)
    {
        yield return new Act(attribution.Actor, attribution.SourceIp, attribution.CreatedAt, "create");
        foreach (var change in attribution.Changes)
        {
            if (change.Outcome == "success" && change.Action is "create" or "modify")
            {
                yield return new Act(change.Actor, change.SourceIp, change.Time, change.EventName);
            }
        }
    }

    private static IEnumerable<string> Parts(MirrorSession session) =>
        new[] { session.Id, session.TargetId, session.FilterId }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
}
