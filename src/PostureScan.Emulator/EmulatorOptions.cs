namespace PostureScan.Emulator;

/// <summary>How the emulator host listens and what it reports.</summary>
public sealed record EmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Loopback port of the HTTPS listener (Azure); 0 picks a free one.</summary>
    public int HttpsPort { get; init; }

    /// <summary>Clock for fault latency and credential expiry.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>When set, one line per request (service, action, key, region, status). Off by default.</summary>
    public TextWriter? RequestLog { get; init; }

    /// <summary>
    /// When set, one line per request: when it arrived and how long it took to answer, in milliseconds since
    /// the emulator started (tab-separated). A benchmark reads from it how busy the emulator was over time.
    /// Off by default.
    /// </summary>
    public TextWriter? TimingLog { get; init; }
}
