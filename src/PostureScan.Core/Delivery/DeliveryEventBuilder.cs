using System.Security.Cryptography;
using System.Text;
using PostureScan.Core.Attribution;
using AuditAttribution = PostureScan.Core.Attribution.Attribution;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;
using PostureScan.Core.Text;

namespace PostureScan.Core.Delivery;

/// <summary>
/// The events of one stored run, in the order they are queued: scope errors, new findings, resolved findings,
/// then the run summary. A pure function of what the run stores, so the same run always yields the same keys.
/// </summary>
public static class DeliveryEventBuilder
{
    public const string Technique = "T1020.001";

    /// <summary>Top new findings in a summary.</summary>
    public const int TopNewFindings = 5;

    /// <summary>Bound on every free text (messages, titles, errors): they come from whoever named the mirror.</summary>
    public const int MaxTextLength = 2000;

    public static IReadOnlyList<DeliveryEvent> Build(ScanRun run, PolicyEvaluation? evaluation, AttributionReport? attribution, string? reportPath)
    {
        ArgumentNullException.ThrowIfNull(run);
        var attributions = Attributions(attribution);
        var findings = evaluation?.Findings ?? [];
        var events = new List<DeliveryEvent>();
        foreach (var scope in run.Scopes.Where(s => s.Status == ScopeStatus.Failed))
        {
            events.Add(new DeliveryEvent
            {
                IdempotencyKey = Key("scope-error", run.Id, scope.Scope.Provider, scope.Scope.Account, scope.Scope.Region),
                Kind = DeliveryEventKind.ScopeError,
                RunId = run.Id,
                OccurredAt = run.FinishedAt,
                Severity = Severity.High,
                ScopeError = new DeliveredScopeError(
                    Bound(scope.Scope.Provider), Bound(scope.Scope.Account), Bound(scope.Scope.Region), Bound(scope.Error ?? scope.ErrorKind?.ToString() ?? "failed")),
            });
        }

        var occurredAt = evaluation?.EvaluatedAt ?? run.FinishedAt;
        foreach (var (status, kind) in new[] { (FindingStatus.New, DeliveryEventKind.NewFinding), (FindingStatus.Resolved, DeliveryEventKind.ResolvedFinding) })
        {
            foreach (var finding in findings.Where(f => f.Status == status))
            {
                events.Add(new DeliveryEvent
                {
                    IdempotencyKey = Key("finding", run.Id, finding.Id, status.ToString()),
                    Kind = kind,
                    RunId = run.Id,
                    OccurredAt = occurredAt,
                    Severity = finding.Severity,
                    Finding = Deliver(finding, attributions),
                });
            }
        }

        var active = evaluation?.ActiveBySeverity() ?? Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0);
        var newFindings = findings.Where(f => f.Status == FindingStatus.New).ToList();
        events.Add(new DeliveryEvent
        {
            IdempotencyKey = Key("summary", run.Id),
            Kind = DeliveryEventKind.RunSummary,
            RunId = run.Id,
            OccurredAt = run.FinishedAt,
            Severity = active.Where(p => p.Value > 0).Select(p => p.Key).DefaultIfEmpty(Severity.Info).Max(),
            Summary = new DeliveredRunSummary(
                run.Scopes.Count,
                run.Scopes.Count(s => s.Status == ScopeStatus.Failed),
                run.Sessions.Count,
                active.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value),
                newFindings.Count,
                findings.Count(f => f.Status == FindingStatus.Resolved),
                [.. newFindings.OrderByDescending(f => f.Severity).Take(TopNewFindings).Select(f => Deliver(f, attributions))],
                reportPath is null ? null : Bound(reportPath)),
        });
        return events;
    }

    /// <summary>
    /// A key that names the transition, not the sink or the try: SHA-256 over length-prefixed parts, so no
    /// choice of names can make two transitions share a key.
    /// </summary>
    public static string Key(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length).Append(':').Append(part).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static DeliveredFinding Deliver(Finding f, Dictionary<string, AuditAttribution> attributions) => new(
        f.Id,
        f.CheckId,
        Bound(f.Title),
        f.Severity,
        f.Status,
        Bound(f.ResourceId),
        f.Scope.Provider,
        Bound(f.Scope.Account),
        Bound(f.Scope.Region),
        Bound(f.Message),
        Technique,
        attributions.TryGetValue(f.ResourceId, out var a)
            ? new DeliveredAttribution(JsonName(a.State), Bound(a.Actor), Bound(a.SourceIp), a.CreatedAt)
            : null);

    private static Dictionary<string, AuditAttribution> Attributions(AttributionReport? report)
    {
        var byResource = new Dictionary<string, AuditAttribution>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in report?.Sessions.SelectMany(s => s.Parts) ?? [])
        {
            byResource.TryAdd(part.Attribution.ResourceId, part.Attribution);
        }

        return byResource;
    }

    private static string JsonName(AttributionState state) => state.ToString() is var s ? char.ToLowerInvariant(s[0]) + s[1..] : "";

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Bound(string? text) => BoundedText.Cut(text, MaxTextLength);
}
