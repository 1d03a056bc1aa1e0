namespace PostureScan.Bench.Scale;

/// <summary>The benchmark's parameters: the world's size, the faults on every call, and the scanner's concurrency.</summary>
internal sealed record ScaleShape
{
    public int Accounts { get; init; } = 120;

    public int RegionsPerAccount { get; init; } = 17;

    public int SessionsPerRegion { get; init; } = 3;

    public int LatencyMs { get; init; } = 50;

    public double ThrottleRate { get; init; } = 0.05;

    /// <summary>AWS requests in flight at once (Aws:MaxConcurrency): the concurrency of the bound.</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Scopes in progress at once (Scan:MaxConcurrency); more than <see cref="Concurrency"/>, so that scopes
    /// waiting out a throttling backoff leave their request slots to others. Zero means twice <see cref="Concurrency"/>.</summary>
    public int ScopesInProgress { get; init; }

    public int EffectiveScopesInProgress => ScopesInProgress > 0 ? ScopesInProgress : 2 * Concurrency;

    /// <summary>MaxResults of the Describe calls (Aws:PageSize).</summary>
    public int PageSize { get; init; } = 1000;

    public int Seed { get; init; } = 1;

    public int Scopes => Accounts * RegionsPerAccount;
}
