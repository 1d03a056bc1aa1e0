using System.Text.Json.Nodes;
using PostureScan.Core.Attribution;
using PostureScan.Core.Findings;

namespace PostureScan.Validation;

/// <summary>
/// Checks a played scenario against what the product did: inventory, attribution, findings, detections and
/// the negative controls. Each expectation is one step; nothing is skipped, so a missing input fails its step.
/// </summary>
internal static class Verifier
{
    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

    public static IEnumerable<StepResult> Check(PlayedScenario played, ProductRun run)
    {
        StepResult Step(string step, string expected, string observed, bool passed) => new(played.Name, step, expected, observed, passed);

        var session = run.Scan.Sessions.FirstOrDefault(s => Ids.Equals(s.Id, played.SessionId));
        yield return Step("inventoried", $"mirror {played.SessionId} in the scan",
            session is null ? $"not among the {run.Scan.Sessions.Count} mirrors inventoried" : $"found in scope {session.Scope.Key}, destination {session.Target?.ResourceId ?? session.TargetId ?? "none"}",
            session is not null);

        foreach (var part in new[] { played.SessionId }.Concat(played.Parts))
        {
            yield return Attributed(played, run, part);
        }

        foreach (var expected in played.Findings)
        {
            var found = run.Evaluation?.Findings.Where(f => f.CheckId == expected.CheckId && Ids.Equals(f.ResourceId, expected.ResourceId)).ToList() ?? [];
            var ok = found.Any(f => f.IsActive && f.Severity == expected.Severity);
            yield return Step($"finding {expected.CheckId}", $"active at {Name(expected.Severity)}",
                run.Evaluation is null ? "the policy was not evaluated"
                : found.Count == 0 ? "not reported"
                : string.Join("; ", found.Select(f => $"{Name(f.Status)} at {Name(f.Severity)}: {Cut(f.Message)}")),
                ok);
        }

        foreach (var input in played.DetectInputs)
        {
            foreach (var step in Detected(played, run, input))
            {
                yield return step;
            }
        }

        yield return Sanctioned(played, run);
        foreach (var exercise in played.Exercises)
        {
            yield return Excepted(played, run, exercise);
        }
    }

    private static StepResult Attributed(PlayedScenario played, ProductRun run, string part)
    {
        var expected = $"created by {played.Adversary.Actor} from {played.Adversary.SourceIp}";
        var attribution = run.Audit?.Report.Sessions.SelectMany(s => s.Parts).Select(p => p.Attribution).FirstOrDefault(a => Ids.Equals(a.ResourceId, part));
        var observed = run.Audit is null ? "no audit source was read"
            : attribution is null ? "no attribution computed"
            : attribution.State == AttributionState.Attributed
                ? $"created by {attribution.Actor ?? "unknown"} from {attribution.SourceIp ?? "unknown"} at {attribution.CreatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'} ({attribution.CreateEventName})"
                : $"{AttributionStateNames.Of(attribution.State)}: {Cut(attribution.Reason ?? "")}";
        var ok = attribution is { State: AttributionState.Attributed }
            && attribution.Actor == played.Adversary.Actor && attribution.SourceIp == played.Adversary.SourceIp;
        return new StepResult(played.Name, $"attributed {part}", expected, observed, ok);
    }

    private static IEnumerable<StepResult> Detected(PlayedScenario played, ProductRun run, DetectInput input)
    {
        if (!run.Detections.TryGetValue(input.Name, out var detect))
        {
            yield return new StepResult(played.Name, $"detect ({input.Name})", "detect run", "not run", false);
            yield break;
        }

        var expected = $"create, success, by {played.Adversary.Actor} from {played.Adversary.SourceIp}";
        if (played.Name == "cisco")
        {
            // Device commands are reported per session, whatever the reader makes of sub-mode lines: one step.
            var events = detect.Events.Where(e => Text(e, "platform") == "Cisco").ToList();
            var hit = events.FirstOrDefault(e => Text(e, "actor") == played.Adversary.Actor && Text(e, "sourceIp") == played.Adversary.SourceIp);
            yield return new StepResult(played.Name, $"detect ({input.Name})", $"the ERSPAN commands, {expected}",
                hit is not null ? Describe(hit) : Summary(detect), hit is not null && Text(hit, "outcome") == "success" && Text(hit, "action") is "create" or "modify");
            yield break;
        }

        foreach (var call in played.Calls)
        {
            var hit = detect.Events.FirstOrDefault(e => string.Equals(Text(e, "eventName"), call.Operation, StringComparison.OrdinalIgnoreCase)
                && (Text(e, "eventId") == call.EventId || (e["resourceIds"] as JsonArray ?? []).Any(r => Ids.Equals(r?.GetValue<string>(), call.ResourceId))));
            var ok = hit is not null && Text(hit, "action") == "create" && Text(hit, "outcome") == "success"
                && Text(hit, "actor") == played.Adversary.Actor && Text(hit, "sourceIp") == played.Adversary.SourceIp;
            yield return new StepResult(played.Name, $"detect ({input.Name}) {call.Operation}", expected, hit is null ? Summary(detect) : Describe(hit), ok);
        }
    }

    private static StepResult Sanctioned(PlayedScenario played, ProductRun run)
    {
        var sessions = run.Scan.Sessions.Where(s => played.Sanctioned.Contains(s.Id, Ids)).ToList();
        var resources = sessions.SelectMany(s => new[] { s.Id, s.TargetId, s.FilterId }).OfType<string>().ToHashSet(Ids);
        var findings = run.Evaluation?.Findings.Where(f => resources.Contains(f.ResourceId) && f.Status != FindingStatus.Resolved).ToList() ?? [];
        var missing = played.Sanctioned.Where(id => !sessions.Any(s => Ids.Equals(s.Id, id))).ToList();
        var observed = run.Evaluation is null ? "the policy was not evaluated"
            : missing.Count > 0 ? $"not inventoried: {string.Join(", ", missing)}"
            : findings.Count == 0 ? $"{sessions.Count} sanctioned mirror(s), no finding"
            : string.Join("; ", findings.Select(f => $"{f.CheckId} {Name(f.Status)} on {f.ResourceId}"));
        return new StepResult(played.Name, "negative control: sanctioned mirrors", $"no finding on {string.Join(", ", played.Sanctioned)}",
            observed, run.Evaluation is not null && missing.Count == 0 && findings.Count == 0);
    }

    private static StepResult Excepted(PlayedScenario played, ProductRun run, string exercise)
    {
        var findings = run.Evaluation?.Findings.Where(f => Ids.Equals(f.ResourceId, exercise)).ToList() ?? [];
        var ok = findings.Count > 0 && findings.All(f => f.Status == FindingStatus.Suppressed && f.Exception is not null);
        var observed = findings.Count == 0 ? "no finding to suppress (the exercise was not evaluated)"
            : string.Join("; ", findings.Select(f => f.Exception is { } e
                ? $"{f.CheckId} {Name(f.Status)} by the exception owned by {e.Owner} until {e.Expires:yyyy-MM-dd} ({Cut(e.Reason)})"
                : $"{f.CheckId} {Name(f.Status)}, no exception"));
        return new StepResult(played.Name, $"negative control: exercise {exercise}", "its findings suppressed by an unexpired exception, which they name", observed, ok);
    }

    private static string Describe(JsonObject e) =>
        $"{Text(e, "action")}, {Text(e, "outcome")}, by {Text(e, "actor")} from {Text(e, "sourceIp")} at {Text(e, "time")} ({Text(e, "eventName")})";

    private static string Summary(DetectRun detect) =>
        $"not reported (exit {detect.ExitCode}, {detect.Events.Count} event(s){(detect.Error.Length > 0 ? ": " + Cut(detect.Error.Trim()) : "")})";

    private static string? Text(JsonObject e, string name) => e[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Name<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();

    private static string Cut(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
