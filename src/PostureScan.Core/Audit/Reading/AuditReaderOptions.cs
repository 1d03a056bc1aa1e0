namespace PostureScan.Core.Audit.Reading;

/// <summary>Bounds that keep hostile input from exhausting memory or time.</summary>
/// <param name="MaxRecordBytes">A record larger than this is skipped and counted malformed (CloudTrail's own limit is 256 KB).</param>
/// <param name="MaxDepth">JSON nesting deeper than this is malformed.</param>
/// <param name="MaxMalformedListed">How many malformed positions are kept per input; all are counted.</param>
/// <param name="KeepRawJson">Whether events carry their record as logged (attribution and storage want it; a report does not).</param>
/// <param name="TextFormats">Line-oriented logs read besides JSON (device syslog, TACACS+ accounting); none by default.</param>
public sealed record AuditReaderOptions(
    int MaxRecordBytes = 8 * 1024 * 1024,
    int MaxDepth = 64,
    int MaxMalformedListed = 20,
    bool KeepRawJson = true,
    IReadOnlyList<ITextAuditFormat>? TextFormats = null)
{
    /// <summary>Text lines longer than this are skipped and counted malformed (a syslog message is at most a few KB).</summary>
    public const int MaxLineBytes = 64 * 1024;

    public static AuditReaderOptions Default { get; } = new();
}
