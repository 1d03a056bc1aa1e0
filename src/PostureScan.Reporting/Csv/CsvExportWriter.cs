using CsvHelper;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Csv;

/// <summary>
/// One row per mirror, for spreadsheets. Every cell is cleaned and bounded, then neutralised as
/// <see cref="SpreadsheetCsv"/> says, so a hostile name or tag cannot become a formula.
/// </summary>
internal sealed class CsvExportWriter : IReportWriter
{
    public string Format => "csv";

    public Task WriteAsync(ReportData report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new ReportView(report);
        using var csv = CsvWriter.Create(output, SpreadsheetCsv.Options, leaveOpen: true);
        csv.WriteHeader([.. CsvColumns.All.Select(c => c.Header)]);
        foreach (var session in view.Sessions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new CsvRow(report.Run.Id, session, view.AttributionOf(session.Id), view.AttributionText(session), view.FindingsOf(session));
            csv.WriteRecord([.. CsvColumns.All.Select(c => c.Value(row) is { } value ? SpreadsheetCsv.Cell(SafeText.Clean(value, Limits.Export)) : null)]);
        }

        return Task.CompletedTask;
    }
}
