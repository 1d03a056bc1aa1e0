namespace PostureScan.Azure.Wire;

/// <summary>A reference to another ARM resource, as the wire carries it: {"id": "..."}.</summary>
internal sealed record SubResource(string? Id);
