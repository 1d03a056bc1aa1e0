using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PostureScan.Serve;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>
/// New statistics of Quartz's trigger tables once a run is fired: statements a node prepared while the tables were
/// empty are planned again for the tables as the run filled them.
/// </summary>
[Collection(PostgresDatabases.Name)]
public sealed class JobStoreStatisticsTests(PostgresServer server)
{
    private const string Due = "EXECUTE acquire('serve', 'WAITING', 9000000000000000000)";

    [Fact]
    public async Task A_statement_prepared_on_the_empty_trigger_table_is_planned_through_its_index_after_the_refresh()
    {
        var database = PostgresConnectionString.Tuned(await server.CreateDatabaseAsync());
        await (await PostgresRunStore.OpenAsync(database, TimeProvider.System, CancellationToken.None)).DisposeAsync();

        // One connection, as an idle node's: it reads the empty table often enough for PostgreSQL to keep one
        // generic plan for the statement, made on the empty table's statistics.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await connection.ExecuteAsync("ANALYZE qrtz_triggers");
        await connection.ExecuteAsync("""
            PREPARE acquire(text, text, bigint) AS
              SELECT trigger_name FROM qrtz_triggers
              WHERE sched_name = $1 AND trigger_state = $2 AND next_fire_time <= $3
              ORDER BY next_fire_time ASC, priority DESC LIMIT 1
            """);
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await connection.ExecuteScalarAsync<string>(Due));
        }

        // A run fires its scopes.
        await connection.ExecuteAsync("""
            INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable, is_nonconcurrent, is_update_data, requests_recovery)
            VALUES ('serve', 'scope', 'scopes', 'ScopeJob', true, true, false, true);
            INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time, priority, trigger_state, trigger_type, start_time, misfire_instr)
            SELECT 'serve', 'trigger-' || n, 'scopes', 'scope', 'scopes', 1000 + n, 5, 'WAITING', 'SIMPLE', 1000 + n, 0
            FROM generate_series(1, 3000) AS n;
            """);

        // What the refresh is for: the kept plan reads every row of the full table and sorts them.
        Assert.Contains("Seq Scan on qrtz_triggers", await PlanAsync(connection), StringComparison.Ordinal);

        await new JobStoreStatistics(database, NullLogger<JobStoreStatistics>.Instance).RefreshAsync(CancellationToken.None);

        var plan = await PlanAsync(connection);
        Assert.Contains("idx_qrtz_t_nft_st", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        Assert.Equal("trigger-1", await connection.ExecuteScalarAsync<string>(Due));
    }

    [Fact]
    public async Task A_refresh_that_cannot_reach_the_database_is_logged_and_does_not_throw()
    {
        var logger = new WarningLog();
        var unreachable = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2";

        await new JobStoreStatistics(unreachable, logger).RefreshAsync(CancellationToken.None);

        Assert.Contains(logger.Warnings, w => w.Contains("statistics were not refreshed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_postgres_there_is_nothing_to_refresh()
    {
        var logger = new WarningLog();

        await new JobStoreStatistics(null, logger).RefreshAsync(CancellationToken.None);

        Assert.Empty(logger.Warnings);
    }

    private static async Task<string> PlanAsync(NpgsqlConnection connection) =>
        string.Join('\n', await connection.QueryAsync<string>("EXPLAIN " + Due));

    private sealed class WarningLog : ILogger<JobStoreStatistics>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
