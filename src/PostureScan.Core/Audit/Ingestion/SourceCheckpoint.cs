namespace PostureScan.Core.Audit.Ingestion;

/// <summary>A checkpoint and the source it belongs to.</summary>
public sealed record SourceCheckpoint(string Source, AuditCheckpoint Checkpoint);
