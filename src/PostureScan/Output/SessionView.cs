using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Inventory;
using Spectre.Console;

namespace PostureScan.Output;

/// <summary>
/// One session for a responder: what it mirrors and where to, each part with who created it, from where
/// and when, and every event on it in time order. Every value is hostile: Text only, never markup.
/// </summary>
internal static class SessionView
{
    public static void Write(IAnsiConsole console, string runId, MirrorSession session, SessionAttribution? attribution)
    {
        var facts = new Table().Title($"Session (run {runId})").HideHeaders().AddColumns("Field", "Value");
        AddFact(facts, "Session", session.Id);
        AddFact(facts, "Scope", session.Scope.Key);
        AddFact(facts, "Name", session.Name);
        AddFact(facts, "Description", session.Description);
        AddFact(facts, "Sources", string.Join(", ", session.Sources.Select(s => s.Addresses.Count > 0 ? $"{s.Id} ({s.Addresses[0]})" : s.Id)));
        AddFact(facts, "Target", session.Target is { } t ? $"{session.TargetId} {t.Kind} {t.ResourceId ?? t.Address} owner {t.OwnerAccount ?? "-"}" : session.TargetId);
        AddFact(facts, "Filter", session.FilterId is null ? null : $"{session.FilterId} ({session.Filter?.Rules.Count ?? 0} rules{(session.AcceptsEverything ? ", accepts everything" : "")})");
        AddFact(facts, "Packets", session.PacketLength is { } n ? $"first {n} bytes" : "whole packets");
        AddFact(facts, "Enabled", session.Enabled ? "yes" : "no");
        console.Write(facts);

        if (attribution is null)
        {
            console.Write(new Text("No attribution is stored for this run: no audit source was configured.\n"));
            return;
        }

        var parts = new Table().Title("Parts and who created them").AddColumns("Part", "Resource", "State", "Created by", "From", "At", "Details");
        foreach (var part in attribution.Parts)
        {
            var a = part.Attribution;
            parts.AddRow(
                new Text(part.Kind),
                new Text(TerminalText.Id(a.ResourceId, 60)),
                new Text(AttributionNames.Of(a.State)),
                new Text(TerminalText.Cell(a.Actor, 70)),
                new Text(TerminalText.Cell(a.SourceIp, 40)),
                new Text(a.CreatedAt is { } time ? AuditNames.Of(time) : "-"),
                new Text(TerminalText.Cell(Details(a), 120)));
        }

        console.Write(parts);

        var timeline = attribution.Timeline();
        var events = new Table().Title($"Timeline ({timeline.Count} events, oldest first)")
            .AddColumns("Time", "Part", "Event", "Outcome", "Actor", "From", "Event id");
        foreach (var entry in timeline)
        {
            var c = entry.Change;
            events.AddRow(
                new Text(AuditNames.Of(c.Time)),
                new Text(TerminalText.Cell($"{entry.PartKind} {TerminalText.Id(entry.ResourceId, 50)}", 60)),
                new Text(TerminalText.Cell(c.EventName, 50)),
                new Text(c.ErrorCode is { } code ? TerminalText.Cell($"{c.Outcome} ({code})", 40) : c.Outcome),
                new Text(TerminalText.Cell(c.Actor, 70)),
                new Text(TerminalText.Cell(c.SourceIp, 40)),
                new Text(TerminalText.Cell(c.EventId, 40)));
        }

        console.Write(events);
    }

    private static void AddFact(Table table, string name, string? value) =>
        table.AddRow(new Text(name), new Text(TerminalText.Cell(value, 160)));

    private static string Details(Attribution a)
    {
        var details = new List<string>();
        if (a.SessionIssuer is not null)
        {
            details.Add($"role {a.SessionIssuer}");
        }

        if (a.RoleSessionName is not null)
        {
            details.Add($"session name {a.RoleSessionName}");
        }

        if (a.InvokedBy is not null)
        {
            details.Add($"called by {a.InvokedBy} on the principal's behalf");
        }

        if (a.UserAgent is not null)
        {
            details.Add($"agent {a.UserAgent}");
        }

        if (a.State != AttributionState.Attributed && a.Reason is not null)
        {
            details.Add(a.Reason);
        }

        return details.Count == 0 ? "-" : string.Join("; ", details);
    }
}
