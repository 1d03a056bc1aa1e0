namespace PostureScan.Hosting;

/// <summary>The "Store" configuration section.</summary>
internal sealed class StoreSettings
{
    /// <summary>The SQLite file; --db overrides it.</summary>
    public string Path { get; set; } = "posturescan.db";
}
