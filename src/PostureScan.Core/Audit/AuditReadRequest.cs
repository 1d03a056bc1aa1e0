using PostureScan.Core.Inventory;

namespace PostureScan.Core.Audit;

/// <summary>What an audit source is asked to read.</summary>
/// <param name="Checkpoints">The checkpoints this source returned last time (empty on a first read); read only what is newer.</param>
/// <param name="NotBefore">Where a first read starts (now minus the configured lookback); sources clamp it to their retention.</param>
/// <param name="Until">The newest time to read (the scan's start).</param>
/// <param name="Scopes">The inventory scopes of this scan; a source reads those it serves (or its own configured ones when empty).</param>
public sealed record AuditReadRequest(
    IReadOnlyList<AuditCheckpoint> Checkpoints,
    DateTimeOffset NotBefore,
    DateTimeOffset Until,
    IReadOnlyList<Scope> Scopes)
{
    /// <summary>The checkpoint stored under <paramref name="key"/>, if any.</summary>
    public AuditCheckpoint? CheckpointFor(string key) =>
        Checkpoints.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));
}
