using System.Globalization;
using CsvHelper;
using PostureScan.Core.Audit;

namespace PostureScan.Cli.Detect;

/// <summary>
/// CSV for spreadsheets: the jsonl fields plus error code and message, user agent and service.
/// Cells that begin with = + - @ tab or CR are escaped by CsvHelper (a leading quote), so a hostile
/// log value cannot become a formula.
/// </summary>
internal static class DetectCsvWriter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        NewLine = "\n",
    };

    private static readonly string[] Header =
    [
        "time", "platform", "eventName", "actor", "sourceIp", "action", "outcome", "errorCode", "errorMessage",
        "scope", "region", "resourceIds", "eventId", "userAgent", "service", "inputFile", "inputRecord", "inputApi",
    ];

    public static void Write(Stream output, IEnumerable<AuditEvent> events)
    {
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var e in events)
        {
            string?[] row =
            [
                AuditNames.Of(e.Time), AuditNames.Of(e.Platform), e.EventName, e.Actor, e.SourceIp,
                AuditNames.Of(e.Action), AuditNames.Of(e.Outcome), e.ErrorCode, e.ErrorMessage, e.Scope, e.Region,
                string.Join(' ', e.ResourceIds), e.EventId, e.UserAgent, e.Service, e.Input.File,
                e.Input.Record?.ToString(CultureInfo.InvariantCulture), e.Input.Api,
            ];
            csv.WriteRecord(row);
        }
    }
}
