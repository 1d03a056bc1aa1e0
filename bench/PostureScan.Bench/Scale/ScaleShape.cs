namespace PostureScan.Bench.Scale;

/// <summary>The benchmark's parameters: the world's size, the faults on every call, and the scanner's concurrency.</summary>
internal sealed record ScaleShape
{
    public int Accounts { get; init; } = 120;

    public int RegionsPerAccount { get; init; } = 17;

    public int SessionsPerRegion { get; init; } = 3;

    public int LatencyMs { get; init; } = 50;

    public double ThrottleRate { get; init; } = 0.05;

    /// <summary>Scopes collected at once (Scan:MaxConcurrency) and accounts discovered at once (Aws:MaxConcurrency).</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>MaxResults of the Describe calls (Aws:PageSize).</summary>
    public int PageSize { get; init; } = 1000;

    public int Seed { get; init; } = 1;

    public int Scopes => Accounts * RegionsPerAccount;
}
