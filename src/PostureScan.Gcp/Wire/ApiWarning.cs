namespace PostureScan.Gcp.Wire;

/// <summary>A Compute warning: code (NO_RESULTS_ON_PAGE, UNREACHABLE, ...) and message.</summary>
internal sealed record ApiWarning(string? Code, string? Message);
