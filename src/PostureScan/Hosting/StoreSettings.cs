namespace PostureScan.Hosting;

/// <summary>The "Store" configuration section.</summary>
internal sealed class StoreSettings
{
    /// <summary>The SQLite file; --db overrides it.</summary>
    public string Path { get; set; } = "posturescan.db";

    /// <summary>"sqlite" (one machine, the default) or "postgres" (cluster mode: several serve nodes share the database).</summary>
    public string Database { get; set; } = StoreLocation.Sqlite;

    /// <summary>With Database "postgres": an Npgsql connection string (Host=...;Database=...;Username=...;Password=...).</summary>
    public string? ConnectionString { get; set; }
}
