namespace PostureScan.Gcp.Wire;

/// <summary>Google's error body: {"error": {"code", "message", "status", "errors": [{"reason", ...}]}}.</summary>
internal sealed record ErrorEnvelope(ErrorBody? Error);
