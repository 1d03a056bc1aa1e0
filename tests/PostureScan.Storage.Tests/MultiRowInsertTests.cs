using Dapper;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

/// <summary>
/// The INSERT that stores runs and stagings: every row once, in order, at every chunk boundary of PostgreSQL's
/// multi-row statements and through SQLite's one-row statement, with typed nulls and hostile text bound as values.
/// </summary>
public abstract class MultiRowInsertTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    private const string Insert = "INSERT INTO probe (id, name, amount, ratio, flag, maybe_count, maybe_flag) VALUES (@Id, @Name, @Amount, @Ratio, @Flag, @MaybeCount, @MaybeFlag)";

    // Seven parameters a row: 100 rows make the largest chunk, 142 the parameter cap's.
    private static readonly int RowsPerChunk = Math.Min(MultiRowInsert.MaxParameters / 7, MultiRowInsert.MaxRows);

    public static TheoryData<int> Counts => new() { 0, 1, RowsPerChunk - 1, RowsPerChunk, RowsPerChunk + 1, (3 * RowsPerChunk) + 7 };

    [Theory]
    [MemberData(nameof(Counts))]
    public async Task Every_row_is_stored_once_with_its_values_across_chunk_boundaries(int count)
    {
        await using var connection = await OpenPlainConnectionAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE probe (id BIGINT PRIMARY KEY, name TEXT, amount INTEGER, ratio DOUBLE PRECISION, flag BOOLEAN NOT NULL,
                                maybe_count BIGINT, maybe_flag BOOLEAN)
            """);
        var rows = Enumerable.Range(0, count).Select(Row).ToList();

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.Equal(count, await MultiRowInsert.ExecuteAsync(connection, transaction, Insert, rows, None));
            await transaction.CommitAsync();
        }

        var stored = (await connection.QueryAsync<ProbeRow>(
            "SELECT id AS Id, name AS Name, amount AS Amount, ratio AS Ratio, flag AS Flag, maybe_count AS MaybeCount, maybe_flag AS MaybeFlag FROM probe ORDER BY id")).ToList();
        Assert.Equal(rows, stored);
    }

    [Theory]
    [InlineData("INSERT INTO probe (id) VALUES (@Id) ON CONFLICT DO NOTHING")]
    [InlineData("INSERT INTO probe (id, name) VALUES (@Id, 'literal')")]
    [InlineData("INSERT INTO probe (id) SELECT 1")]
    [InlineData("UPDATE probe SET id = @Id")]
    public async Task A_statement_that_is_not_one_row_of_parameters_is_refused(string sql)
    {
        await using var connection = await OpenPlainConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => MultiRowInsert.ExecuteAsync(connection, transaction, sql, [Row(1)], None));
    }

    // Nulls of every nullable type on alternate rows, and text that would break a statement it was spliced into.
    private static ProbeRow Row(int i) => new()
    {
        Id = i,
        Name = (i % 3) switch { 0 => null, 1 => $"'); DROP TABLE probe; -- {i}", _ => $"@Id_{i} ü\u202e=cmd|' /C calc'!A0" },
        Amount = i % 2 == 0 ? null : i * 7,
        Ratio = i / 4.0,
        Flag = i % 2 == 0,
        MaybeCount = i % 2 == 0 ? long.MaxValue - i : null,
        MaybeFlag = i % 3 == 0 ? null : i % 2 == 1,
    };

    private sealed record ProbeRow
    {
        public long Id { get; init; }

        public string? Name { get; init; }

        public int? Amount { get; init; }

        public double Ratio { get; init; }

        public bool Flag { get; init; }

        public long? MaybeCount { get; init; }

        public bool? MaybeFlag { get; init; }
    }
}
