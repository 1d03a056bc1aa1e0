namespace PostureScan.Emulator.Worlds;

/// <summary>
/// Failures injected into every call in a scope. Throttling is pseudo-random but deterministic:
/// the n-th call in a scope is throttled or not as a function of the seed, the scope and n only.
/// </summary>
public sealed record Faults
{
    /// <summary>Delay added before each response.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share of calls, 0 to 1, answered with RequestLimitExceeded (HTTP 503; ARM: HTTP 429).</summary>
    public double ThrottleRate { get; init; }

    /// <summary>The first this-many calls in the scope are throttled, whatever the rate.</summary>
    public int ThrottleBurst { get; init; }

    /// <summary>Every call is refused with UnauthorizedOperation (HTTP 403).</summary>
    public bool AccessDenied { get; init; }

    /// <summary>Every call fails with this server error: InternalError (HTTP 500) or Unavailable (HTTP 503).</summary>
    public string? Unavailable { get; init; }

    /// <summary>Seed of the throttling sequence.</summary>
    public int Seed { get; init; }

    /// <summary>The Retry-After header of a throttled ARM response, in seconds (AWS errors carry none).</summary>
    public int RetryAfterSeconds { get; init; } = 1;
}
