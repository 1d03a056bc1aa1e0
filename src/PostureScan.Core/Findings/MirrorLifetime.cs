using PostureScan.Core.Inventory;

namespace PostureScan.Core.Findings;

/// <summary>A mirror (or part) known from its create and delete events, gone before or since the scan.</summary>
public sealed record MirrorLifetime(
    Scope Scope,
    string ResourceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset DeletedAt,
    string? Actor,
    string? SourceIp)
{
    public TimeSpan Lifetime => DeletedAt - CreatedAt;
}
