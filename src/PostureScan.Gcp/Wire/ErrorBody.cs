namespace PostureScan.Gcp.Wire;

/// <summary>The "error" object of a Google error response.</summary>
internal sealed record ErrorBody(int? Code, string? Message, string? Status, List<ErrorDetail>? Errors);
