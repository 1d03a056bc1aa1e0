using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Ingestion;
using Spectre.Console;

namespace PostureScan.Output;

/// <summary>
/// The audit half of the run summary: what each audit source read, who created each session, mirrors that
/// existed only between scans, and refused mirror calls. Log values are hostile: Text only, never markup.
/// </summary>
internal static class AttributionTable
{
    public static void Write(IAnsiConsole console, AuditRunRecord audit, int maxSessions = 200)
    {
        var sources = new Table().Title("Audit sources").AddColumns("Source", "Scope", "Status", "Window", "Events", "New");
        foreach (var s in audit.Sources)
        {
            sources.AddRow(
                new Text(TerminalText.Cell(s.Source, 30)),
                new Text(TerminalText.Cell(s.Scope?.Key ?? "(all)", 40)),
                new Text(s.Failure is { } f ? TerminalText.Cell($"failed: {f.Message}", 80) : "ok"),
                new Text(s.Window is { } w ? w.ToString() : "-"),
                new Text(s.Matched.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(s.Scope is null ? s.Stored.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"));
        }

        console.Write(sources);

        var sessions = new Table().Title("Who created each mirror").AddColumns("Session", "State", "Created by", "From", "At", "Why");
        foreach (var s in audit.Report.Sessions.Take(maxSessions))
        {
            var a = s.Session;
            sessions.AddRow(
                new Text(TerminalText.Id(s.SessionId, 40)),
                new Text(AttributionNames.Of(a.State)),
                new Text(TerminalText.Cell(a.Actor, 70)),
                new Text(TerminalText.Cell(a.SourceIp, 40)),
                new Text(a.CreatedAt is { } t ? AuditNames.Of(t) : "-"),
                new Text(a.State == AttributionState.Attributed ? "-" : TerminalText.Cell(a.Reason, 90)));
        }

        console.Write(sessions);

        if (audit.Report.DeletedMirrors.Count > 0)
        {
            var gone = new Table().Title("Short-lived mirrors: created and deleted between scans (seen only in the audit logs)")
                .AddColumns("Mirror", "Scope", "Created", "Deleted", "Lifetime", "Created by", "From");
            foreach (var m in audit.Report.DeletedMirrors)
            {
                gone.AddRow(
                    new Text(TerminalText.Id(m.ResourceId, 40)),
                    new Text(TerminalText.Cell(m.Scope.Key, 40)),
                    new Text(AuditNames.Of(m.CreatedAt)),
                    new Text(AuditNames.Of(m.DeletedAt)),
                    new Text($"{m.Lifetime.TotalMinutes:0} min"),
                    new Text(TerminalText.Cell(m.Actor, 70)),
                    new Text(TerminalText.Cell(m.SourceIp, 40)));
            }

            console.Write(gone);
        }

        if (audit.Report.FailedAttempts.Count > 0)
        {
            console.Write(new Text($"Refused mirror calls in the lookback window: {audit.Report.FailedAttempts.Count}\n"));
        }
    }
}
