using Dapper;
using Microsoft.Extensions.Time.Testing;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests.Support;

/// <summary>A temporary folder per test and helpers to open stores on a database file in it.</summary>
public abstract class StoreTestBase : IDisposable
{
    protected StoreTestBase()
    {
        DatabasePath = Folder.File("posturescan.db");
    }

    protected TemporaryDirectory Folder { get; } = new();

    protected FakeTimeProvider Time { get; } = new(Some.Time);

    protected string DatabasePath { get; }

    protected static CancellationToken None => CancellationToken.None;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Folder.Dispose();
        }
    }

    internal Task<SqliteRunStore> OpenAsync() => SqliteRunStore.OpenAsync(DatabasePath, Time, None);

    /// <summary>Counts rows of a table straight from the file, to prove nothing half-written stays behind.</summary>
    internal static async Task<long> CountAsync(SqliteRunStore store, string table)
    {
        await using var connection = await store.OpenConnectionAsync(None);
        // The table name is one of the test's own constants, never input.
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
