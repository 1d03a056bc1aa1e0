using System.Globalization;
using CsvHelper;
using PostureScan.Core.Audit;
using PostureScan.Core.Text;
using PostureScan.Reporting.Csv;

namespace PostureScan.Cli.Detect;

/// <summary>
/// CSV for spreadsheets: the jsonl fields plus error code and message, user agent and service, each cell bounded
/// (<see cref="BoundedText.MachineValue"/>) and neutralised as the export's are (<see cref="SpreadsheetCsv"/>), so a
/// hostile log value can neither become a formula nor fill the screen.
/// </summary>
internal static class DetectCsvWriter
{
    private static readonly string[] Header =
    [
        "time", "platform", "eventName", "actor", "sourceIp", "action", "outcome", "errorCode", "errorMessage",
        "scope", "region", "resourceIds", "eventId", "userAgent", "service", "inputFile", "inputRecord", "inputApi",
    ];

    public static void Write(Stream output, IEnumerable<AuditEvent> events)
    {
        using var csv = CsvWriter.Create(output, SpreadsheetCsv.Options, leaveOpen: true);
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
            csv.WriteRecord([.. row.Select(value => SpreadsheetCsv.Cell(BoundedText.Cut(value, BoundedText.MachineValue)))]);
        }
    }
}
