using PostureScan.Storage;

namespace PostureScan.Hosting;

/// <summary>Opens the configured store. SQLite today; PostgreSQL joins here in cluster mode.</summary>
internal static class RunStores
{
    public static async Task<SqliteRunStore> OpenAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return await SqliteRunStore.OpenAsync(path, TimeProvider.System, ct);
    }
}
