using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using PostureScan.Core.Scanning;
using PostureScan.Storage;
using PostureScan.Storage.Rows;

namespace PostureScan.Bench.Store;

/// <summary>
/// <c>store-insert FROM_DB WORK_DIR [POSTGRES_CONNECTION_STRING] [REPEAT]</c>: stores the scope results and sessions
/// of the latest run in FROM_DB (the scale benchmark's scan.db: 2,040 scopes, 6,120 sessions) again, REPEAT times
/// each way, into a fresh SQLite file in WORK_DIR and, given a connection string, into PostgreSQL: with the
/// store's writer (<see cref="MultiRowInsert"/>) and with the baseline, Dapper running the one-row INSERT once per
/// row. Prints the median wall and cpu time of each and the baseline's ratio to the writer.
/// </summary>
internal static class StoreInsertCommand
{
    private const string Baseline = "one row per statement (Dapper)";
    private const string Writer = "MultiRowInsert";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length is < 2 or > 4)
        {
            Console.Error.WriteLine("usage: store-insert FROM_DB WORK_DIR [POSTGRES_CONNECTION_STRING] [REPEAT]");
            return 2;
        }

        var repeat = args.Length == 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
        ScanRun run;
        await using (var source = await SqliteRunStore.OpenAsync(args[0], TimeProvider.System, CancellationToken.None))
        {
            run = await source.GetLatestRunAsync(CancellationToken.None)
                ?? throw new InvalidOperationException($"{args[0]} holds no run: run bench/scale.sh first.");
        }

        Directory.CreateDirectory(args[1]);
        var sqlitePath = Path.Combine(args[1], "store-insert.db");
        File.Delete(sqlitePath);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Storing {run.Scopes.Count:N0} scope results and {run.Sessions.Count:N0} sessions in one transaction; median of {repeat} (cpu: this process only).")
            .AppendLine()
            .AppendLine("| database | writer | wall | cpu | baseline / writer (wall, cpu) |")
            .AppendLine("|---|---|---|---|---|");
        await using (var sqlite = await SqliteRunStore.OpenAsync(sqlitePath, TimeProvider.System, CancellationToken.None))
        {
            Append(text, "SQLite", await MeasureAsync(sqlite, run, repeat));
        }

        if (args.Length >= 3 && args[2].Length > 0)
        {
            await using var postgres = await PostgresRunStore.OpenAsync(args[2], TimeProvider.System, CancellationToken.None);
            Append(text, "PostgreSQL", await MeasureAsync(postgres, run, repeat));
        }

        Console.Write(text);
        return 0;
    }

    private static async Task<Dictionary<string, (double Wall, double Cpu)>> MeasureAsync(RunStore store, ScanRun run, int repeat)
    {
        var samples = new Dictionary<string, List<(double Wall, double Cpu)>> { [Baseline] = [], [Writer] = [] };
        for (var i = 0; i < repeat; i++)
        {
            // Alternating, and each going first every other time, so that a slow moment of the machine or a larger
            // file falls on both.
            foreach (var writer in i % 2 == 0 ? samples.Keys.ToList() : samples.Keys.Reverse().ToList())
            {
                samples[writer].Add(await TimeOneAsync(store, run with { Id = $"{run.Id}-{samples[writer].Count}-{(writer == Writer ? "w" : "b")}" }, writer));
            }
        }

        return samples.ToDictionary(s => s.Key, s => (Median(s.Value.Select(v => v.Wall)), Median(s.Value.Select(v => v.Cpu))));
    }

    private static async Task<(double Wall, double Cpu)> TimeOneAsync(RunStore store, ScanRun run, string writer)
    {
        // The run's own row first, so that the timed part is the rows the two writers differ on.
        await store.SaveRunAsync(run with { Scopes = [], Sessions = [] }, CancellationToken.None);
        var scopes = run.Scopes.Select((scope, i) => ScopeRow.From(run.Id, i, scope)).ToList();
        var sessions = run.Sessions.Select((session, i) => SessionRow.From(run.Id, i, session)).ToList();

        await using var connection = await store.OpenConnectionAsync(CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            if (writer == Writer)
            {
                await MultiRowInsert.ExecuteAsync(connection, transaction, RunWriter.InsertScope, scopes, CancellationToken.None);
                await MultiRowInsert.ExecuteAsync(connection, transaction, RunWriter.InsertSession, sessions, CancellationToken.None);
            }
            else
            {
                await connection.ExecuteAsync(new CommandDefinition(RunWriter.InsertScope, scopes, transaction));
                await connection.ExecuteAsync(new CommandDefinition(RunWriter.InsertSession, sessions, transaction));
            }

            await transaction.CommitAsync();
        }

        return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static void Append(StringBuilder text, string database, Dictionary<string, (double Wall, double Cpu)> medians)
    {
        var (baseWall, baseCpu) = medians[Baseline];
        var (wall, cpu) = medians[Writer];
        text.AppendLine(CultureInfo.InvariantCulture, $"| {database} | {Baseline} | {baseWall:F3} s | {baseCpu:F3} s | |")
            .AppendLine(CultureInfo.InvariantCulture, $"| {database} | {Writer} | {wall:F3} s | {cpu:F3} s | **{baseWall / wall:F2}x**, {baseCpu / cpu:F2}x |");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
