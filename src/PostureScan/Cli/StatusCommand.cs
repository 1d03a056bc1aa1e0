using System.CommandLine;
using System.Globalization;
using PostureScan.Hosting;
using PostureScan.Serve;

namespace PostureScan.Cli;

/// <summary><c>posturescan status [--db FILE] [--config FILE]</c>: the latest stored run, in a few lines.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: false);
        var db = CommonOptions.Db();
        var command = new Command("status", "Print the status of the latest stored run (exit 3 when it is partial)") { config, db };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = AppConfiguration.Load(parse.GetValue(config));
            var location = RunStores.Locate(parse.GetValue(db), configuration);
            var database = location.Description;
            await using var store = await RunStores.OpenExistingAsync(location, "no store here (run scan or serve first, or pass --db)", ct);
            var runs = await store.ListRunsAsync(ct);
            var schedule = await ScheduleLines(store, location, ct);
            if (runs.Count == 0)
            {
                await Console.Out.WriteLineAsync($"No run stored in {database} yet.");
                foreach (var line in schedule)
                {
                    await Console.Out.WriteLineAsync(line);
                }

                return ExitCodes.Success;
            }

            var latest = runs[0];
            var evaluation = await store.GetEvaluationAsync(latest.Id, ct);
            var state = latest.FailedScopes == 0 ? "complete" : "partial";
            var lines = new List<string>
            {
                $"Latest run   {latest.Id} ({state})",
                $"Started      {Utc(latest.StartedAt)}",
                $"Finished     {Utc(latest.FinishedAt)}",
                $"Scopes       {latest.Scopes} ({latest.FailedScopes} failed)",
                $"Sessions     {latest.Sessions}",
                $"Runs stored  {runs.Count}",
            };
            if (evaluation is not null)
            {
                var active = evaluation.ActiveBySeverity().Where(p => p.Value > 0).Reverse()
                    .Select(p => $"{p.Value} {p.Key.ToString().ToLowerInvariant()}");
                lines.Add($"Findings     {string.Join(", ", active.DefaultIfEmpty("none active"))} (policy {evaluation.Policy})");
            }

            lines.AddRange(schedule);
            foreach (var line in lines)
            {
                await Console.Out.WriteLineAsync(line);
            }

            return latest.FailedScopes == 0 ? ExitCodes.Success : ExitCodes.Partial;
        });
        return command;
    }

    /// <summary>The runs still being collected, and serve's stored schedule (none when serve never ran here).</summary>
    private static async Task<List<string>> ScheduleLines(PostureScan.Storage.RunStore store, StoreLocation location, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var open in await store.ListStagedRunsAsync(ct))
        {
            lines.Add($"Collecting   {open.RunId} ({open.Staged} of {open.Planned} scopes staged, started {Utc(open.StartedAt)})");
        }

        var entries = await ScheduleReader.ReadAsync(location, ct);
        if (entries is null || entries.Count == 0)
        {
            lines.Add("Schedule     none stored (serve has not run on this store)");
            return lines;
        }

        // The cron triggers, one line each; one-off scope and commit firings are counted, not listed.
        foreach (var entry in entries.Where(e => !e.Trigger.StartsWith(ServeJobKeys.AccountGroup + ".", StringComparison.Ordinal) && !e.Trigger.Contains('|', StringComparison.Ordinal)))
        {
            var next = entry.Next is { } at ? Utc(at) : "none";
            lines.Add($"Schedule     {TerminalText(entry.Trigger)}: next {next}");
        }

        var pending = entries.Count(e => e.Trigger.Contains('|', StringComparison.Ordinal));
        if (pending > 0)
        {
            lines.Add($"Pending      {pending} scope, commit or report firings");
        }

        return lines;
    }

    private static string TerminalText(string value) => PostureScan.Output.TerminalText.Cell(value, 120);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
