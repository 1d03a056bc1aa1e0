using System.Text;
using PostureScan.Core.Findings;
using PostureScan.Reporting.Html;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Markdown;

/// <summary>The report for tickets and chat: summary, findings needing action with evidence, drift and scope errors.</summary>
internal sealed class MarkdownReportWriter : IReportWriter
{
    /// <summary>Findings detailed; a chat message or ticket has no room for more.</summary>
    private const int MaxDetailed = 50;

    public string Format => "md";

    public async Task WriteAsync(ReportData report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(new UTF8Encoding(false).GetBytes(Render(report)), cancellationToken);
    }

    public static string Render(ReportData report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new ReportView(report);
        var md = new StringBuilder();
        var run = view.Run;
        md.Append("# Traffic-mirroring posture\n\n")
            .Append($"Run {MarkdownText.Code(run.Id)}, scanned {Formats.Time(run.StartedAt)} to {Formats.Time(run.FinishedAt)}; ")
            .Append($"policy: {MarkdownText.Escape(report.Evaluation?.Policy ?? "none")}.\n\n");
        if (run.IsPartial)
        {
            md.Append($"> **Partial run:** {view.FailedScopes.Count} scope(s) could not be read; see *Scope errors*.\n\n");
        }

        md.Append("## Summary\n\n| | |\n|---|---|\n")
            .Append($"| Mirrors found | {view.Sessions.Count} |\n")
            .Append($"| Mirrors per provider | {MarkdownText.Escape(string.Join(", ", view.SessionsByProvider().Select(p => $"{p.Label} {p.Count}")))} |\n");
        if (view.Evaluated)
        {
            var active = view.ActiveBySeverity();
            md.Append($"| Active findings | {string.Join(", ", Formats.SeveritiesDescending.Select(s => $"{active[s]} {Formats.Severity(s)}"))} |\n")
                .Append($"| New since the previous run | {view.NewFindings} |\n");
        }

        md.Append($"| Mirrors to a sanctioned collector | {(view.Coverage() is { } c ? $"{c.Sanctioned} of {c.Total}" : "not evaluated")} |\n")
            .Append($"| Scopes read | {run.Scopes.Count - view.FailedScopes.Count} of {run.Scopes.Count} |\n")
            .Append($"| Changes since the previous run | {(report.Drift is { } d ? MarkdownText.Escape(HtmlInventory.Counts(d)) : "first run")} |\n\n");

        WriteFindings(md, view);
        WriteDrift(md, view);
        WriteErrors(md, view);
        md.Append($"_Generated {Formats.Time(report.GeneratedAt)} by PostureScan (MITRE ATT&CK T1020.001)._\n");
        return md.ToString();
    }

    private static void WriteFindings(StringBuilder md, ReportView view)
    {
        md.Append("## Findings\n\n");
        if (!view.Evaluated)
        {
            md.Append("The run was not evaluated against a policy.\n\n");
            return;
        }

        var needAction = view.Findings.Where(f => f.IsActive || f.Status == FindingStatus.Error).ToList();
        if (needAction.Count == 0)
        {
            md.Append("No finding needs action.\n\n");
        }

        foreach (var finding in needAction.Take(MaxDetailed))
        {
            md.Append($"### {Formats.Severity(finding.Severity).ToUpperInvariant()}: {MarkdownText.Escape(finding.Title)}\n\n")
                .Append($"{MarkdownText.Escape(finding.Message, Limits.Prose)}\n\n")
                .Append($"- Finding: {MarkdownText.Code(finding.Id)} ({Formats.Status(finding.Status)}{(finding.Note is { } note ? ": " + MarkdownText.Escape(note, Limits.Prose) : "")})\n")
                .Append($"- Resource: {MarkdownText.Code(finding.ResourceId)} in {MarkdownText.Code(finding.Scope.Key)}\n");
            if (view.SessionOf(finding) is { } session)
            {
                md.Append($"- Mirror: {MarkdownText.Code(session.Id)} {MarkdownText.Escape(session.Name)}\n")
                    .Append($"- Source: {MarkdownText.Escape(Evidence.Sources(session), Limits.Prose)}\n")
                    .Append($"- Destination: {MarkdownText.Escape(Evidence.Destination(session), Limits.Prose)}\n")
                    .Append($"- Attribution: {MarkdownText.Escape(view.AttributionText(session), Limits.Prose)}\n");
            }

            if (view.CheckOf(finding.CheckId) is { } check)
            {
                md.Append($"- Why it matters: {MarkdownText.Escape(check.Rationale, Limits.Prose)}\n")
                    .Append($"- Remediation: {MarkdownText.Escape(check.Remediation.GetValueOrDefault(finding.Scope.Provider) ?? "", Limits.Prose)}\n");
            }

            md.Append('\n');
        }

        if (needAction.Count > MaxDetailed)
        {
            md.Append($"{needAction.Count - MaxDetailed} more findings need action; the HTML and JSON reports list them all.\n\n");
        }
    }

    private static void WriteDrift(StringBuilder md, ReportView view)
    {
        md.Append("## Changes since the previous run\n\n");
        if (view.Data.Drift is not { } drift)
        {
            md.Append("This is the first run in the store.\n\n");
            return;
        }

        md.Append($"From run {MarkdownText.Code(drift.FromRunId)}, over {drift.ComparedScopes.Count} scope(s) read in both runs.\n\n");
        if (drift.Changes.Count > 0)
        {
            md.Append("| Change | Scope | Mirror | Before | After |\n|---|---|---|---|---|\n");
            foreach (var change in drift.Changes)
            {
                md.Append($"| {ReportView.Name(change.Kind)} | {MarkdownText.Code(change.Scope.Key)} | {MarkdownText.Code(change.SessionId)} | ")
                    .Append($"{MarkdownText.Escape(change.Before ?? "-")} | {MarkdownText.Escape(change.After ?? "-")} |\n");
            }

            md.Append('\n');
        }

        foreach (var scope in drift.Uncomparable)
        {
            md.Append($"- Not compared: {MarkdownText.Code(scope.Scope.Key)}: {MarkdownText.Escape(scope.Reason, Limits.Prose)}\n");
        }

        md.Append(drift.Uncomparable.Count > 0 ? "\n" : "");
    }

    private static void WriteErrors(StringBuilder md, ReportView view)
    {
        md.Append("## Scope errors\n\n");
        if (view.FailedScopes.Count == 0)
        {
            md.Append("Every scope was read.\n\n");
            return;
        }

        foreach (var scope in view.FailedScopes)
        {
            md.Append($"- {MarkdownText.Code(scope.Scope.Key)} ({(scope.ErrorKind is { } k ? ReportView.Name(k) : "error")}): {MarkdownText.Escape(scope.Error, Limits.Prose)}\n");
        }

        md.Append('\n');
    }
}
