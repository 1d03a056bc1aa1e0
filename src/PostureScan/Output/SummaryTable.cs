using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using Spectre.Console;

namespace PostureScan.Output;

/// <summary>
/// The human summary of a run: scopes per provider, failed scopes with reasons, and the sessions.
/// Every value goes in as <see cref="Text"/>, never as markup, because names and tags are hostile.
/// </summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, ScanRun run, int maxSessions = 200)
    {
        var scopes = new Table().Title("Scopes").AddColumns("Provider", "Scopes", "OK", "Failed", "Sessions", "API calls");
        foreach (var group in run.Scopes.GroupBy(s => s.Scope.Provider))
        {
            scopes.AddRow(
                new Text(group.Key),
                new Text(group.Count().ToString()),
                new Text(group.Count(s => s.Status == ScopeStatus.Ok).ToString()),
                new Text(group.Count(s => s.Status == ScopeStatus.Failed).ToString()),
                new Text(run.Sessions.Count(s => s.Scope.Provider == group.Key).ToString()),
                new Text(group.Sum(s => s.ApiCalls).ToString()));
        }

        console.Write(scopes);

        var failed = run.Scopes.Where(s => s.Status == ScopeStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            var errors = new Table().Title("Failed scopes (their previous inventory is kept, not treated as removed)")
                .AddColumns("Scope", "Kind", "Error");
            foreach (var f in failed)
            {
                errors.AddRow(new Text(f.Scope.Key), new Text(f.ErrorKind?.ToString() ?? "-"), new Text(TerminalText.Cell(f.Error, 100)));
            }

            console.Write(errors);
        }

        var sessions = new Table().Title($"Mirror sessions ({run.Sessions.Count})")
            .AddColumns("Session", "Scope", "Sources", "Target", "Target owner", "Traffic", "Description");
        foreach (var s in run.Sessions.Take(maxSessions))
        {
            sessions.AddRow(
                new Text(TerminalText.Id(s.Id, 40)),
                new Text(TerminalText.Cell($"{s.Scope.Account}/{s.Scope.Region}", 40)),
                new Text(TerminalText.Cell(string.Join(", ", s.Sources.Select(x => x.Addresses.Count > 0 ? $"{TerminalText.Id(x.Id)} ({x.Addresses[0]})" : TerminalText.Id(x.Id))), 50)),
                new Text(TerminalText.Cell(TargetText(s), 60)),
                new Text(TerminalText.Cell(s.Target?.OwnerAccount, 20) + (s.TargetInForeignAccount ? " (cross-account)" : "")),
                new Text(TrafficText(s)),
                new Text(TerminalText.Cell(s.Description, 40)));
        }

        console.Write(sessions);
        if (run.Sessions.Count > maxSessions)
        {
            console.WriteLine($"... and {run.Sessions.Count - maxSessions} more sessions in the store.");
        }
    }

    private static string TargetText(MirrorSession s) => s.Target is { } t
        ? $"{t.Kind} {TerminalText.Id(t.ResourceId ?? t.Id, 60)}{(t.InternetFacing == true ? " [internet-facing]" : "")}"
        : s.TargetId ?? "-";

    private static string TrafficText(MirrorSession s)
    {
        var scope = s.AcceptsEverything ? "all traffic" : $"{s.Filter?.Rules.Count ?? 0} rules";
        var length = s.PacketLength is { } n ? $", first {n} bytes" : ", full packets";
        return $"{s.Direction.ToString().ToLowerInvariant()}, {scope}{length}";
    }
}
