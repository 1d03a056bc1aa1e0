using PostureScan.Core.Findings;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Html;

/// <summary>The findings: a sortable, filterable table, then the evidence for each finding that needs action.</summary>
internal static class HtmlFindings
{
    /// <summary>Evidence blocks written; the table still lists every finding.</summary>
    private const int MaxEvidence = 200;

    public static void Write(HtmlBuilder html, ReportView view)
    {
        html.Raw("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (!view.Evaluated)
        {
            html.Raw("<p>No policy evaluation is stored with this run.</p>\n</section>\n");
            return;
        }

        html.Filter("findings-table", "Filter findings").Raw("<div class=\"scroll\"><table id=\"findings-table\" class=\"sortable\">\n")
            .SortableHead("Severity", "Status", "Check", "Resource", "Scope", "Finding").Raw("<tbody>\n");
        foreach (var finding in view.Findings)
        {
            var severity = Formats.Severity(finding.Severity);
            html.Raw("<tr>").Element("td", severity, cssClass: $"sev {severity}", sortKey: Formats.Number((int)finding.Severity))
                .Element("td", Formats.Status(finding.Status)).Element("td", finding.CheckId)
                .Raw("<td>").Code(finding.ResourceId).Raw("</td>").Element("td", finding.Scope.Key)
                .Element("td", finding.Message, Limits.Prose).Raw("</tr>\n");
        }

        html.Raw("</tbody></table></div>\n");
        foreach (var skipped in view.Data.Evaluation!.NotEvaluated)
        {
            html.Raw("<p class=\"meta\">Not evaluated: ").Code(skipped.CheckId).Raw(" (").Text(skipped.Reason, Limits.Prose).Raw(")</p>\n");
        }

        var needAction = view.Findings.Where(f => f.IsActive || f.Status == FindingStatus.Error).ToList();
        if (needAction.Count > 0)
        {
            html.Raw("<h3>Evidence</h3>\n");
        }

        foreach (var finding in needAction.Take(MaxEvidence))
        {
            WriteEvidence(html, view, finding);
        }

        if (needAction.Count > MaxEvidence)
        {
            html.Raw("<p class=\"meta\">").Number(needAction.Count - MaxEvidence).Raw(" more findings need action; the JSON report lists them all.</p>\n");
        }

        html.Raw("</section>\n");
    }

    private static void WriteEvidence(HtmlBuilder html, ReportView view, Finding finding)
    {
        var severity = Formats.Severity(finding.Severity);
        var check = view.CheckOf(finding.CheckId);
        html.Raw("<article class=\"finding\">\n<h4><span class=\"sev ").Raw(HtmlBuilder.Attr(severity)).Raw("\">").Text(severity).Raw("</span> ")
            .Text(finding.Title).Raw("</h4>\n<p>").Text(finding.Message, Limits.Prose).Raw("</p>\n<dl>\n");
        Row(html, "Finding", finding.Id, code: true);
        Row(html, "Status", Formats.Status(finding.Status) + (finding.Note is { } note ? $": {note}" : ""));
        Row(html, "Seen", $"first {Formats.Time(finding.FirstSeen)}, last {Formats.Time(finding.LastSeen)}");
        Row(html, "Scope", finding.Scope.Key);
        Row(html, "Resource", finding.ResourceId, code: true);
        if (view.SessionOf(finding) is { } session)
        {
            Row(html, "Mirror", session.Id + (session.Name is { Length: > 0 } n ? $" ({n})" : ""));
            Row(html, "Description", session.Description ?? "-");
            Row(html, "Source", Evidence.Sources(session));
            Row(html, "Destination", Evidence.Destination(session));
            Row(html, "Traffic", Evidence.Filter(session));
            Row(html, "Attribution", view.AttributionText(session));
            if (view.AttributionOf(session.Id) is { } attribution)
            {
                html.Raw("<dt>Timeline</dt><dd><ol>");
                foreach (var line in Evidence.Timeline(attribution))
                {
                    html.Element("li", line, Limits.Prose);
                }

                html.Raw("</ol></dd>\n");
            }
        }

        if (check is not null)
        {
            Row(html, "Why it matters", check.Rationale);
            Row(html, "Remediation", check.Remediation.GetValueOrDefault(finding.Scope.Provider) ?? string.Join(" ", check.Remediation.Values));
            Row(html, "ATT&CK", check.Mitre);
        }

        html.Raw("</dl>\n</article>\n");
    }

    private static void Row(HtmlBuilder html, string label, string value, bool code = false)
    {
        html.Raw("<dt>").Text(label).Raw("</dt><dd>");
        if (code)
        {
            html.Code(value);
        }
        else
        {
            html.Text(value, Limits.Prose);
        }

        html.Raw("</dd>\n");
    }
}
