using PostureScan.Core.Checks;
using PostureScan.Core.Drift;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Reporting;

/// <summary>The lookups and tallies every writer shares, computed once from the report data.</summary>
internal sealed class ReportView
{
    /// <summary>Destinations named on the chart; the rest are summed as "other".</summary>
    private const int TopDestinations = 8;

    /// <summary>What every output says of a mirror whose run has no attributions yet.</summary>
    public const string NotAttributedYet = "not attributed yet";

    private readonly Dictionary<string, Core.Attribution.Attribution>? attributions;
    private readonly Dictionary<string, CheckMetadata> checks;

    public ReportView(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        Sessions = [.. data.Run.Sessions.OrderBy(s => s.Scope.Key, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)];
        Findings = data.Evaluation?.Findings ?? [];
        checks = data.Checks.ToDictionary(c => c.Id, StringComparer.Ordinal);
        if (data.Attributions is { } list)
        {
            attributions = new Dictionary<string, Core.Attribution.Attribution>(StringComparer.OrdinalIgnoreCase);
            foreach (var attribution in list)
            {
                attributions.TryAdd(attribution.ResourceId, attribution);
            }
        }
    }

    public ReportData Data { get; }

    public ScanRun Run => Data.Run;

    public IReadOnlyList<MirrorSession> Sessions { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public bool Evaluated => Data.Evaluation is not null;

    public IReadOnlyList<ScopeResult> FailedScopes => [.. Run.Scopes.Where(s => s.Status == ScopeStatus.Failed)];

    public CheckMetadata? CheckOf(string checkId) => checks.GetValueOrDefault(checkId);

    public Core.Attribution.Attribution? AttributionOf(string? resourceId) =>
        resourceId is not null && attributions is not null ? attributions.GetValueOrDefault(resourceId) : null;

    /// <summary>One line on who made a mirror, or why that is not known.</summary>
    public string AttributionText(MirrorSession session) =>
        attributions is null ? NotAttributedYet
        : DriftText.Attribution(AttributionOf(session.Id)) ?? "no attribution was computed for this mirror";

    /// <summary>The findings on a mirror or on one of its parts (target, filter).</summary>
    public IReadOnlyList<Finding> FindingsOf(MirrorSession session) =>
        [.. Findings.Where(f => f.Scope == session.Scope && IsPartOf(f.ResourceId, session))];

    /// <summary>The mirror a finding is about (directly or through its target or filter), if it is in the run.</summary>
    public MirrorSession? SessionOf(Finding finding) =>
        Sessions.FirstOrDefault(s => s.Scope == finding.Scope && IsPartOf(finding.ResourceId, s));

    public IReadOnlyDictionary<Severity, int> ActiveBySeverity() =>
        Enum.GetValues<Severity>().ToDictionary(s => s, s => Findings.Count(f => f.IsActive && f.Severity == s));

    public int NewFindings => Findings.Count(f => f.Status == FindingStatus.New);

    public IReadOnlyList<(string Label, int Count)> SessionsByProvider() =>
        [.. Sessions.GroupBy(s => s.Scope.Provider, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)];

    public IReadOnlyList<(Scope Scope, int Count)> SessionsByScope() =>
        [.. Run.Scopes.Where(s => s.Status == ScopeStatus.Ok).Select(s => (s.Scope, Sessions.Count(m => m.Scope == s.Scope))).Where(p => p.Item2 > 0)];

    public IReadOnlyList<(string Label, int Count)> SessionsByDestination()
    {
        var groups = Sessions.GroupBy(Destination, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal)
            .ToList();
        if (groups.Count <= TopDestinations)
        {
            return groups;
        }

        return [.. groups.Take(TopDestinations - 1), ($"{groups.Count - TopDestinations + 1} other destinations", groups.Skip(TopDestinations - 1).Sum(g => g.Count))];
    }

    /// <summary>
    /// Mirrors sending to a sanctioned collector: those without an unapproved-destination finding, when that
    /// check ran. Null when it did not (no evaluation, or the check was not evaluated).
    /// </summary>
    public (int Sanctioned, int Total)? Coverage()
    {
        const string check = "unapproved-destination";
        if (Data.Evaluation is not { } evaluation || evaluation.NotEvaluated.Any(n => n.CheckId == check))
        {
            return null;
        }

        var unapproved = Sessions.Count(s => FindingsOf(s).Any(f => f.CheckId == check && f.Status != FindingStatus.Resolved));
        return (Sessions.Count - unapproved, Sessions.Count);
    }

    /// <summary>The receiving resource, as the destination chart groups mirrors.</summary>
    public static string Destination(MirrorSession session) =>
        session.Target?.ResourceId ?? session.Target?.Address ?? session.TargetId ?? "no destination";

    /// <summary>An enum value as every output spells it: camelCase, as in the store and the JSON.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static bool IsPartOf(string resourceId, MirrorSession session) =>
        string.Equals(resourceId, session.Id, StringComparison.OrdinalIgnoreCase)
        || string.Equals(resourceId, session.TargetId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(resourceId, session.FilterId, StringComparison.OrdinalIgnoreCase);
}
