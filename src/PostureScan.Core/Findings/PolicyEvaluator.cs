using PostureScan.Core.Policy;
using PostureScan.Core.Checks;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Core.Findings;

/// <summary>
/// Runs every enabled check over one run's input and turns the results into findings with a status
/// against the previous evaluated run: new, open, suppressed (by a live exception), error (inputs failed),
/// or resolved. A previous finding becomes resolved only when its check ran over its scope with good inputs
/// and did not report it again; otherwise it is carried as an error, never silently dropped.
/// </summary>
public sealed class PolicyEvaluator(CheckRegistry registry)
{
    public PolicyEvaluation Evaluate(EvaluationInput input, MirrorPolicy policy, IReadOnlyList<Finding> previousFindings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(previousFindings);
        ArgumentNullException.ThrowIfNull(time);

        var now = time.GetUtcNow();
        var previous = previousFindings.Where(f => f.Status != FindingStatus.Resolved)
            .GroupBy(f => f.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var findings = new List<Finding>();
        var notEvaluated = new List<UnevaluatedCheck>();

        foreach (var check in registry.Checks)
        {
            var metadata = check.Metadata;
            var options = policy.OptionsFor(metadata.Id);
            if (!options.Enabled)
            {
                continue;
            }

            var severity = options.Severity ?? metadata.Severity;
            var context = new CheckContext(input, policy, metadata, now);
            var missing = MissingInput(metadata.Inputs, input);
            var current = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
            if (missing is not null)
            {
                notEvaluated.Add(new UnevaluatedCheck(metadata.Id, missing));
            }
            else
            {
                foreach (var result in check.Evaluate(context))
                {
                    var id = FindingId.For(metadata.Id, result.ResourceId);
                    // One verdict per resource: a failure outranks an error reported through another part.
                    if (!current.TryGetValue(id, out var known) || (known.Outcome == CheckOutcome.Error && result.Outcome == CheckOutcome.Fail))
                    {
                        current[id] = result;
                    }
                }
            }

            foreach (var (id, result) in current)
            {
                findings.Add(FromResult(id, result, metadata, severity, policy, previous.GetValueOrDefault(id), now));
            }

            foreach (var prior in previous.Values.Where(p => p.CheckId == metadata.Id && !current.ContainsKey(p.Id)))
            {
                var reason = missing ?? ScopeProblem(input.Run, prior.Scope)
                    ?? (metadata.Inputs.HasFlag(CheckInputs.Audit) ? context.AuditFailure(prior.Scope) : null)
                    ?? (metadata.Inputs.HasFlag(CheckInputs.CandidateSources) ? context.CandidateFailure(prior.Scope) : null);
                findings.Add(reason is null
                    ? prior with { Status = FindingStatus.Resolved, Severity = severity, Exception = null, Note = null }
                    : prior with { Status = FindingStatus.Error, Severity = severity, Note = $"not evaluated in this run: {reason}" });
            }
        }

        return new PolicyEvaluation(
            input.Run.Id,
            policy.Source,
            now,
            [.. findings.OrderByDescending(f => f.Severity).ThenBy(f => f.CheckId, StringComparer.Ordinal).ThenBy(f => f.ResourceId, StringComparer.Ordinal)],
            notEvaluated);
    }

    private static Finding FromResult(
        string id, CheckResult result, CheckMetadata metadata, Severity severity, MirrorPolicy policy, Finding? prior, DateTimeOffset now)
    {
        var finding = new Finding(
            id,
            metadata.Id,
            metadata.Title,
            severity,
            FindingStatus.Error,
            result.ResourceId,
            result.Scope,
            result.Message,
            prior?.FirstSeen ?? now,
            result.Outcome == CheckOutcome.Fail ? now : prior?.LastSeen ?? now);
        if (result.Outcome == CheckOutcome.Error)
        {
            return finding;
        }

        // A live exception wins over an expired one naming the same finding.
        var exemption = policy.Exceptions.Where(e => e.Covers(id, metadata.Id, result.ResourceId)).OrderBy(e => e.IsExpired(now)).FirstOrDefault();
        if (exemption is not null && !exemption.IsExpired(now))
        {
            return finding with { Status = FindingStatus.Suppressed, Exception = exemption };
        }

        return finding with
        {
            Status = prior is null ? FindingStatus.New : FindingStatus.Open,
            Exception = exemption,
            Note = exemption is null
                ? null
                : $"the exception owned by {exemption.Owner} expired on {exemption.Expires:yyyy-MM-dd} and no longer suppresses this finding (reason given: {exemption.Reason})",
        };
    }

    private static string? MissingInput(CheckInputs inputs, EvaluationInput input) =>
        inputs.HasFlag(CheckInputs.Audit) && input.Audit is null ? "no audit source was read"
        : inputs.HasFlag(CheckInputs.CandidateSources) && input.CandidateSources is null ? "candidate sources were not listed"
        : null;

    /// <summary>Why a scope's inventory cannot vouch for a pass: it failed, or it was not scanned at all.</summary>
    private static string? ScopeProblem(ScanRun run, Scope scope)
    {
        var results = run.Scopes.Where(r => Covers(r.Scope, scope)).ToList();
        return results.FirstOrDefault(r => r.Status == ScopeStatus.Failed) is { } failed
            ? $"scope {failed.Scope.Key} failed: {failed.Error ?? failed.ErrorKind?.ToString() ?? "unknown error"}"
            : results.Count == 0 ? $"scope {scope.Key} was not scanned" : null;
    }

    // A provider-wide failure (account or region "*") covers every scope of that provider.
    private static bool Covers(Scope result, Scope scope) =>
        string.Equals(result.Provider, scope.Provider, StringComparison.Ordinal)
        && (result.Account == "*" || string.Equals(result.Account, scope.Account, StringComparison.OrdinalIgnoreCase))
        && (result.Region == "*" || string.Equals(result.Region, scope.Region, StringComparison.Ordinal));
}
