namespace PostureScan.Gcp.Wire;

/// <summary>A reference to another resource: its URL, and the canonical URL Compute adds on output.</summary>
internal sealed record ResourceRef(string? Url, string? CanonicalUrl);
