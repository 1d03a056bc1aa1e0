using System.Data.Common;
using Dapper;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Rows;

namespace PostureScan.Storage;

/// <summary>
/// Inserts one run with its scope results and sessions inside the caller's transaction. Portable SQL
/// with named parameters only: nothing from a cloud is ever spliced into a statement.
/// </summary>
internal static class RunWriter
{
    private const string InsertRun = """
        INSERT INTO scan_runs (id, started_at, finished_at, providers, is_partial, api_calls)
        VALUES (@Id, @StartedAt, @FinishedAt, @Providers, @IsPartial, @ApiCalls)
        """;

    internal const string InsertScope = """
        INSERT INTO scope_results (run_id, seq, provider, account, region, status, error_kind, error, api_calls, duration_ms)
        VALUES (@RunId, @Seq, @Provider, @Account, @Region, @Status, @ErrorKind, @Error, @ApiCalls, @DurationMs)
        """;

    internal const string InsertSession = """
        INSERT INTO mirror_sessions (
            run_id, seq, id, provider, account, region, name, description,
            target_id, target_kind, target_resource_id, target_address, target_dns, target_owner, target_internet_facing,
            filter_id, accepts_everything, direction, packet_length, enabled, priority, virtual_network_id, owner_account,
            record_json, raw_json)
        VALUES (
            @RunId, @Seq, @Id, @Provider, @Account, @Region, @Name, @Description,
            @TargetId, @TargetKind, @TargetResourceId, @TargetAddress, @TargetDns, @TargetOwner, @TargetInternetFacing,
            @FilterId, @AcceptsEverything, @Direction, @PacketLength, @Enabled, @Priority, @VirtualNetworkId, @OwnerAccount,
            @RecordJson, @RawJson)
        """;

    public static async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, ScanRun run, CancellationToken cancellationToken)
    {
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM scan_runs WHERE id = @Id", new { run.Id }, transaction, cancellationToken: cancellationToken));
        if (exists > 0)
        {
            // Runs are immutable history: a second save under the same id is a caller bug, not an update.
            throw new InvalidOperationException($"Run {run.Id} is already stored; a stored run is never overwritten.");
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertRun, RunRow.From(run), transaction, cancellationToken: cancellationToken));

        // Rows are built lazily, a chunk at a time; a cancellation stops the inserts between chunks.
        await MultiRowInsert.ExecuteAsync(
            connection, transaction, InsertScope, run.Scopes.Select((scope, i) => ScopeRow.From(run.Id, i, scope)), cancellationToken);
        await MultiRowInsert.ExecuteAsync(
            connection, transaction, InsertSession, run.Sessions.Select((session, i) => SessionRow.From(run.Id, i, session)), cancellationToken);
    }
}
