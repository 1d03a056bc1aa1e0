using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;

namespace PostureScan.Core.Checks.CoverageGap;

/// <summary>
/// A candidate source that a coverage rule requires to be mirrored to a named collector, and that no
/// enabled mirror sends there.
/// </summary>
internal sealed class CoverageGapCheck : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "coverage-gap",
        Title: "Required source is not mirrored to its collector",
        Severity: Severity.Medium,
        Rationale: "Coverage rules state which workloads the NDR must see; a required source without a mirror to its "
            + "collector is a blind spot, whether new, forgotten or deliberately unhooked.",
        Remediation: Remediation.Of(
            aws: "Create a traffic mirror session from the ENI to the collector's target, with the sanctioned filter.",
            azure: "Add a tap configuration for the NIC that points at the collector's vTAP.",
            gcp: "Add the instance, subnet or tag to the packet mirroring policy of the collector.",
            cisco: "Add the interface as a source of the monitor session to the collector."),
        Permissions: CloudPermissions.For(CheckInputs.CandidateSources),
        Inputs: CheckInputs.CandidateSources,
        Settings: []);

    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        foreach (var rule in context.Policy.Coverage)
        {
            var collector = context.Policy.Collectors.First(c => c.Name == rule.Collector);
            var mirrored = context.Sessions
                .Where(s => s.Enabled && collector.Matches(s))
                .SelectMany(s => s.Sources.Select(source => CoverageKeys.Of(s, source)))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var candidate in context.Input.CandidateSources ?? [])
            {
                if (rule.Selects(candidate)
                    && !mirrored.Contains(candidate.Source.Id)
                    && !(candidate.Via ?? []).Any(mirrored.Contains))
                {
                    var name = candidate.Source.Name is { Length: > 0 } n ? $" '{Describe.Text(n, 60)}'" : "";
                    yield return CheckResult.Fail(
                        candidate.Source.Id,
                        candidate.Scope,
                        $"{candidate.Source.Kind} {Describe.Text(candidate.Source.Id)}{name} is required by coverage rule '{Describe.Text(rule.Name, 60)}' to be mirrored to '{Describe.Text(collector.Name, 60)}', and no enabled mirror does");
                }
            }

            // A scope whose candidates could not be listed may hide gaps: say so, never pass it.
            foreach (var failed in (context.Input.CandidateScopes ?? []).Where(s => s.Status == ScopeStatus.Failed && rule.SelectsScope(s.Scope)))
            {
                yield return CheckResult.Error(
                    failed.Scope.Key,
                    failed.Scope,
                    $"coverage rule '{Describe.Text(rule.Name, 60)}' cannot be checked in {failed.Scope.Key}: {context.CandidateFailure(failed.Scope)}");
            }
        }
    }
}
