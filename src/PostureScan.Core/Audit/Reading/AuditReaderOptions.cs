namespace PostureScan.Core.Audit.Reading;

/// <summary>Bounds that keep hostile input from exhausting memory or time.</summary>
/// <param name="MaxRecordBytes">A record larger than this is skipped and counted malformed (CloudTrail's own limit is 256 KB).</param>
/// <param name="MaxDepth">JSON nesting deeper than this is malformed.</param>
/// <param name="MaxMalformedListed">How many malformed positions are kept per input; all are counted.</param>
/// <param name="KeepRawJson">Whether events carry their record as logged (attribution and storage want it; a report does not).</param>
public sealed record AuditReaderOptions(int MaxRecordBytes = 8 * 1024 * 1024, int MaxDepth = 64, int MaxMalformedListed = 20, bool KeepRawJson = true)
{
    public static AuditReaderOptions Default { get; } = new();
}
