using PostureScan.Cli;

namespace PostureScan.Serve;

/// <summary>
/// One serve per SQLite store. Quartz's SQLite job store is not clustered: a second scheduler on the same file
/// takes the first one's running jobs for those of a crashed process at its start (it frees their triggers and
/// recovers them), so scopes are collected twice and one-off firings run again. The lock is the operating
/// system's on a file beside the store, held for the life of the process, so a killed serve leaves none behind.
/// </summary>
internal sealed class SqliteServeLock : IDisposable
{
    public const string Suffix = ".serve-lock";

    private readonly FileStream file;

    private SqliteServeLock(FileStream file) => this.file = file;

    /// <summary>Takes the lock of the store at <paramref name="databasePath"/>, or refuses to start a second serve on it (exit 2).</summary>
    public static SqliteServeLock Acquire(string databasePath)
    {
        var store = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        var path = store + Suffix;
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix, a sharing mode on Windows: either way
            // a second open fails while this one is held, by this process or another.
            return new SqliteServeLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new UsageException(
                $"{store}: another serve already runs on this store (it holds {path}); stop it, or give this one "
                + "another --db. Several nodes share one store only in cluster mode (Store:Database postgres).");
        }
    }

    public void Dispose() => file.Dispose();
}
