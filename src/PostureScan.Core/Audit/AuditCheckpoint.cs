namespace PostureScan.Core.Audit;

/// <summary>
/// Where a source stopped reading, so the next read starts after it. Stored per source and
/// <paramref name="Key"/> (usually a scope key such as <c>aws/111122223333/us-east-1</c>; a file path
/// for file sources).
/// </summary>
/// <param name="Position">Opaque to everyone but the source (a time, a page token, a file length and stamp).</param>
/// <param name="NewestEventTime">The newest event time read under this key, when any was read.</param>
public sealed record AuditCheckpoint(string Key, string Position, DateTimeOffset? NewestEventTime);
