namespace PostureScan.Gcp.Wire;

/// <summary>One entry of "errors": the machine-readable reason (forbidden, notFound, rateLimitExceeded...).</summary>
internal sealed record ErrorDetail(string? Reason, string? Domain, string? Message);
