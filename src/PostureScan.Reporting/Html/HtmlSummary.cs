using PostureScan.Core.Findings;

namespace PostureScan.Reporting.Html;

/// <summary>The top of the report: what was scanned, the headline numbers, and the charts.</summary>
internal static class HtmlSummary
{
    public static void Write(HtmlBuilder html, ReportView view)
    {
        var run = view.Run;
        html.Raw("<header>\n<h1>Traffic-mirroring posture</h1>\n<p class=\"meta\">Run ").Code(run.Id)
            .Raw(", scanned ").Text(Formats.Time(run.StartedAt)).Raw(" to ").Text(Formats.Time(run.FinishedAt))
            .Raw("; providers: ").Text(run.Providers.Count == 0 ? "none" : string.Join(", ", run.Providers))
            .Raw("; policy: ").Text(view.Data.Evaluation?.Policy ?? "none (the run was not evaluated)").Raw(".</p>\n</header>\n");
        if (run.IsPartial)
        {
            html.Raw("<p class=\"warning\">This run is partial: ").Number(view.FailedScopes.Count)
                .Raw(" scope(s) could not be read. Their mirrors are missing here and their findings read as errors; see <a href=\"#scope-errors\">scope errors</a>.</p>\n");
        }

        var active = view.ActiveBySeverity();
        html.Raw("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
        Card(html, Formats.Number(view.Sessions.Count), "mirrors found");
        Card(html, view.Evaluated ? Formats.Number(active.Values.Sum()) : "-", "active findings");
        Card(html, view.Evaluated ? Formats.Number(view.NewFindings) : "-", "new since the previous run");
        Card(html, view.Coverage() is { } c ? $"{c.Sanctioned} / {c.Total}" : "-", "mirrors to a sanctioned collector");
        Card(html, $"{run.Scopes.Count - view.FailedScopes.Count} / {run.Scopes.Count}", "scopes read");
        Card(html, view.Data.Drift is { } d ? Formats.Number(d.Changes.Count) : "-", "changes since the previous run");
        html.Raw("</div>\n");

        if (!view.Evaluated)
        {
            html.Raw("<p>The run was not evaluated against a policy: scan with <code>--policy FILE</code> for findings.</p>\n");
        }

        html.Raw("<h3>Mirrors per provider and scope</h3>\n<div class=\"scroll\"><table id=\"scopes-table\" class=\"sortable\">\n")
            .SortableHead("Provider", "Account", "Region", "Mirrors").Raw("<tbody>\n");
        foreach (var (scope, count) in view.SessionsByScope())
        {
            html.Raw("<tr>").Element("td", scope.Provider).Element("td", scope.Account).Element("td", scope.Region)
                .Element("td", Formats.Number(count)).Raw("</tr>\n");
        }

        html.Raw("</tbody></table></div>\n");
        WriteCharts(html, view, active);
        html.Raw("</section>\n");
    }

    private static void WriteCharts(HtmlBuilder html, ReportView view, IReadOnlyDictionary<Severity, int> active)
    {
        html.Raw("<div class=\"charts\">\n");
        if (view.Evaluated)
        {
            SvgCharts.Bars(html, "findings-by-severity", "Active findings by severity",
                [.. Formats.SeveritiesDescending.Select(s => (Formats.Severity(s), active[s], Formats.Severity(s)))]);
        }

        SvgCharts.Bars(html, "mirrors-by-provider", "Mirrors by provider", [.. view.SessionsByProvider().Select(p => (p.Label, p.Count, "provider"))]);
        SvgCharts.Bars(html, "mirrors-by-destination", "Mirrors by destination", [.. view.SessionsByDestination().Select(p => (p.Label, p.Count, "destination"))]);
        SvgCharts.Trend(html, "trend", $"Trend over the last {view.Data.History.Count} run(s): mirrors and active findings", view.Data.History);
        html.Raw("</div>\n");
    }

    private static void Card(HtmlBuilder html, string value, string label) =>
        html.Raw("<div class=\"card\"><span class=\"value\">").Text(value).Raw("</span><span class=\"label\">").Text(label).Raw("</span></div>\n");
}
