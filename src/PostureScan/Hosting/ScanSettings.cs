namespace PostureScan.Hosting;

/// <summary>The "Scan" configuration section.</summary>
internal sealed class ScanSettings
{
    /// <summary>Scopes collected at once, across all providers.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Providers to scan when --provider is not given; empty means every configured provider.</summary>
    public List<string> Providers { get; set; } = [];
}
