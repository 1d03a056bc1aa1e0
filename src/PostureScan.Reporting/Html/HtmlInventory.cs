using PostureScan.Core.Drift;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Html;

/// <summary>The inventory of mirrors, the drift since the previous run, and the scopes that failed.</summary>
internal static class HtmlInventory
{
    public static void Write(HtmlBuilder html, ReportView view)
    {
        html.Raw("<section id=\"inventory\">\n<h2>Mirrors</h2>\n").Filter("inventory-table", "Filter mirrors")
            .Raw("<div class=\"scroll\"><table id=\"inventory-table\" class=\"sortable\">\n")
            .SortableHead("Scope", "Mirror", "Description", "Source", "Destination", "State", "Findings", "Attribution", "Tags").Raw("<tbody>\n");
        foreach (var session in view.Sessions)
        {
            var findings = view.FindingsOf(session).Where(f => f.IsActive).ToList();
            html.Raw("<tr>").Element("td", session.Scope.Key)
                .Raw("<td>").Code(session.Id).Raw(session.Name is { Length: > 0 } ? "<br>" : "").Text(session.Name).Raw("</td>")
                .Element("td", session.Description, Limits.Prose)
                .Element("td", Evidence.Sources(session), Limits.Prose)
                .Element("td", Evidence.Destination(session), Limits.Prose)
                .Element("td", session.Enabled ? "enabled" : "disabled")
                .Element("td", findings.Count == 0 ? "none" : string.Join(", ", findings.Select(f => f.CheckId).Distinct()), sortKey: Formats.Number(findings.Count))
                .Element("td", view.AttributionText(session), Limits.Prose)
                .Element("td", Evidence.Tags(session.Tags, Limits.Tag), Limits.Prose)
                .Raw("</tr>\n");
        }

        html.Raw("</tbody></table></div>\n</section>\n");
    }

    public static void WriteDrift(HtmlBuilder html, ReportView view)
    {
        html.Raw("<section id=\"drift\">\n<h2>Changes since the previous run</h2>\n");
        if (view.Data.Drift is not { } drift)
        {
            html.Raw("<p>This is the first run in the store: there is nothing to compare it with.</p>\n</section>\n");
            return;
        }

        html.Raw("<p>Run ").Code(drift.FromRunId).Raw(" to run ").Code(drift.ToRunId).Raw(", over ").Number(drift.ComparedScopes.Count)
            .Raw(" scope(s) read in both runs: ").Text(Counts(drift)).Raw(".</p>\n");
        if (drift.Changes.Count > 0)
        {
            html.Filter("drift-table", "Filter changes").Raw("<div class=\"scroll\"><table id=\"drift-table\" class=\"sortable\">\n")
                .SortableHead("Change", "Scope", "Mirror", "Before", "After").Raw("<tbody>\n");
            foreach (var change in drift.Changes)
            {
                html.Raw("<tr>").Element("td", ReportView.Name(change.Kind)).Element("td", change.Scope.Key)
                    .Raw("<td>").Code(change.SessionId).Raw("</td>")
                    .Element("td", change.Before ?? "-", Limits.Prose).Element("td", change.After ?? "-", Limits.Prose).Raw("</tr>\n");
            }

            html.Raw("</tbody></table></div>\n");
        }

        if (drift.Uncomparable.Count > 0)
        {
            html.Raw("<h3>Scopes not compared</h3>\n<ul>\n");
            foreach (var scope in drift.Uncomparable)
            {
                html.Raw("<li>").Code(scope.Scope.Key).Raw(": ").Text(scope.Reason, Limits.Prose).Raw("</li>\n");
            }

            html.Raw("</ul>\n");
        }

        html.Raw("</section>\n");
    }

    public static void WriteErrors(HtmlBuilder html, ReportView view)
    {
        html.Raw("<section id=\"scope-errors\">\n<h2>Scope errors</h2>\n");
        if (view.FailedScopes.Count == 0)
        {
            html.Raw("<p class=\"ok\">Every scope was read.</p>\n</section>\n");
            return;
        }

        html.Raw("<div class=\"scroll\"><table id=\"errors-table\" class=\"sortable\">\n").SortableHead("Scope", "Kind", "Error").Raw("<tbody>\n");
        foreach (var scope in view.FailedScopes)
        {
            html.Raw("<tr>").Element("td", scope.Scope.Key).Element("td", scope.ErrorKind is { } kind ? ReportView.Name(kind) : "-")
                .Element("td", scope.Error, Limits.Prose).Raw("</tr>\n");
        }

        html.Raw("</tbody></table></div>\n</section>\n");
    }

    public static string Counts(RunDrift drift)
    {
        var counts = drift.CountByKind().Where(c => c.Value > 0).Select(c => $"{c.Value} {ReportView.Name(c.Key)}").ToList();
        return counts.Count == 0 ? "no changes" : string.Join(", ", counts);
    }
}
