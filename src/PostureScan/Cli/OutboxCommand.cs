using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PostureScan.Core.Delivery;
using PostureScan.Core.Serialization;
using PostureScan.Hosting;
using PostureScan.Output;

namespace PostureScan.Cli;

/// <summary>
/// <c>posturescan outbox list [--state pending|delivered|dead] [--sink NAME] [--json]</c> and
/// <c>posturescan outbox retry [--sink NAME] (--id N | --all-dead)</c>: what is queued, sent and given up on, and
/// dead letters queued again (sent by the next scan or serve's delivery job).
/// </summary>
internal static class OutboxCommand
{
    public static Command Create()
    {
        var command = new Command("outbox", "Show the delivery outbox and queue dead letters again");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Retry());
        return command;
    }

    private static Command List()
    {
        var config = CommonOptions.Config(required: false);
        var db = CommonOptions.Db();
        var state = new Option<string?>("--state") { Description = "Only rows in this state" };
        state.AcceptOnlyFromAmong("pending", "delivered", "dead");
        var sink = new Option<string?>("--sink") { Description = "Only rows of this sink" };
        var json = new Option<bool>("--json") { Description = "One JSON array on standard output: each row with its event" };
        var command = new Command("list", "List outbox rows, oldest first") { config, db, state, sink, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenAsync(parse.GetValue(config), parse.GetValue(db), ct);
            var filter = parse.GetValue(state) is { } s ? Enum.Parse<OutboxState>(s, ignoreCase: true) : (OutboxState?)null;
            var rows = await store.ListOutboxAsync(filter, parse.GetValue(sink), ct);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(rows, OutputJson.Options));
                return ExitCodes.Success;
            }

            await Console.Out.WriteLineAsync("id\tsink\tstate\ttries\tkind\tseverity\tqueued\tlast error\tkey");
            foreach (var r in rows)
            {
                await Console.Out.WriteLineAsync(string.Join('\t',
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    Cell(r.Sink),
                    r.State.ToString().ToLowerInvariant(),
                    r.Attempts.ToString(CultureInfo.InvariantCulture),
                    JsonNamingPolicy.CamelCase.ConvertName(r.Event.Kind.ToString()),
                    r.Event.Severity.ToString().ToLowerInvariant(),
                    r.QueuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    Cell(r.LastError ?? "-"),
                    r.Event.IdempotencyKey));
            }

            await Console.Error.WriteLineAsync($"{rows.Count} rows");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Retry()
    {
        var config = CommonOptions.Config(required: false);
        var db = CommonOptions.Db();
        var sink = new Option<string?>("--sink") { Description = "Only dead letters of this sink" };
        var id = new Option<long?>("--id") { Description = "The one dead letter to queue again" };
        var allDead = new Option<bool>("--all-dead") { Description = "Every dead letter (of --sink, if given)" };
        var command = new Command("retry", "Queue dead letters again, with their tries reset") { config, db, sink, id, allDead };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(id) is null == !parse.GetValue(allDead))
            {
                throw new UsageException("outbox retry needs exactly one of --id N and --all-dead");
            }

            await using var store = await OpenAsync(parse.GetValue(config), parse.GetValue(db), ct);
            var count = await store.RetryDeadAsync(parse.GetValue(sink), parse.GetValue(id), ct);

            // --all-dead may find none; an id names one row, and when that row is not a dead letter the user mistyped it.
            if (count == 0 && parse.GetValue(id) is { } missing)
            {
                var ofSink = parse.GetValue(sink) is { } name ? $" in sink '{name}'" : "";
                throw new UsageException(
                    $"outbox retry: no dead letter has id {missing.ToString(CultureInfo.InvariantCulture)}{ofSink} (outbox list --state dead shows them)");
            }

            await Console.Out.WriteLineAsync(count == 1 ? "1 dead letter queued again" : $"{count} dead letters queued again");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<Storage.RunStore> OpenAsync(FileInfo? config, string? db, CancellationToken ct)
    {
        var location = RunStores.Locate(db, AppConfiguration.Load(config));
        return await RunStores.OpenExistingAsync(location, "no store here (run scan or serve first, or pass --db)", ct);
    }

    /// <summary>Sink names and errors on one line of a tab-separated table, whatever they hold (tabs and line breaks are control characters).</summary>
    private static string Cell(string text) => TerminalText.Cell(text, 300);
}
