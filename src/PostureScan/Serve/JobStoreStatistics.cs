using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PostureScan.Serve;

/// <summary>
/// Has PostgreSQL take new statistics of Quartz's trigger tables once a run's scope jobs are fired. The tables are
/// queues, nearly empty between runs and 2,000 rows deep and more during one. Each node's connections prepare
/// Quartz's statements, and PostgreSQL keeps one generic plan for each after a few executions; made on statistics
/// taken while the tables were empty, the plan of Quartz's acquisition read scanned and sorted the whole table, 4 ms
/// a trigger instead of 0.1 ms, for the whole of the next run (bench/README.md, twelfth round). New statistics make
/// every node's connections plan those statements again, for the tables as the run has filled them. Nothing to do on
/// SQLite, which plans its statements without statistics.
/// </summary>
internal sealed partial class JobStoreStatistics(string? postgresConnectionString, ILogger<JobStoreStatistics> logger)
{
    /// <summary>The tables a run fills: its triggers, their schedules, and the firings in progress.</summary>
    internal const string Tables = "qrtz_triggers, qrtz_simple_triggers, qrtz_fired_triggers";

    /// <summary>A refresh that fails is logged and the run goes on: the statistics only make it faster.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (postgresConnectionString is null)
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(postgresConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"ANALYZE {Tables}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            var message = ex.Message;
            RefreshFailed(logger, message);
        }
    }

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "The job store's statistics were not refreshed ({Error}); Quartz's reads may be slower for this run")]
    private static partial void RefreshFailed(ILogger logger, string error);
}
