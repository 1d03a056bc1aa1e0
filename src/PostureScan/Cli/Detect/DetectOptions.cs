namespace PostureScan.Cli.Detect;

/// <summary>The parsed <c>detect</c> command line.</summary>
internal sealed record DetectOptions(
    IReadOnlyList<string> Paths,
    DetectFormat Format,
    string? Since,
    string? Until,
    bool WritesOnly,
    bool EmitSigma,
    LiveSourceOptions? Live = null,
    IReadOnlyDictionary<string, string>? DeviceNames = null);
