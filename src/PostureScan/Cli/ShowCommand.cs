using System.CommandLine;
using PostureScan.Core.Attribution;
using PostureScan.Hosting;
using PostureScan.Output;
using PostureScan.Storage;
using Spectre.Console;

namespace PostureScan.Cli;

/// <summary><c>posturescan show SESSION-ID [--run ID] [--db FILE]</c>: one session, its parts and who made them, and its event timeline.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var session = new Argument<string>("SESSION-ID") { Description = "The session's provider id (e.g. tms-0123..., a vTAP id or one of its tap configuration ids, device/session/N)" };
        var run = new Option<string?>("--run") { Description = "The run to read (default: the latest run)" };
        var db = CommonOptions.Db();
        var command = new Command("show", "Print one mirror session with its parts, their attribution and its audit-event timeline") { session, run, db };
        command.SetAction(async (parse, ct) =>
        {
            var location = RunStores.Locate(parse.GetValue(db));
            var database = location.Description;
            await using var store = await RunStores.OpenExistingAsync(location, "no such store", ct);
            var runId = parse.GetValue(run);
            var scan = runId is null ? await store.GetLatestRunAsync(ct) : await store.GetRunAsync(runId, ct);
            if (scan is null)
            {
                throw new UsageException(runId is null ? $"{database} holds no run" : $"run {runId} is not in {database}");
            }

            var id = parse.GetValue(session)!;
            // A tap configuration belongs to one vTAP, so its id names that session too.
            var found = scan.Sessions.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))
                ?? scan.Sessions.FirstOrDefault(s => SessionParts.Of(s).Any(p =>
                    p.Kind == PartKinds.TapConfiguration && string.Equals(p.ResourceId, id, StringComparison.OrdinalIgnoreCase)));
            if (found is null)
            {
                throw new UsageException($"session {id} is not in run {scan.Id}");
            }

            var audit = await store.GetAuditRunAsync(scan.Id, ct);
            var stdout = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            if (Console.IsOutputRedirected)
            {
                stdout.Profile.Width = 240;
            }

            SessionView.Write(stdout, scan.Id, found, audit?.Session(found.Id));
            return ExitCodes.Success;
        });
        return command;
    }
}
