using CsvHelper;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Csv;

/// <summary>
/// One row per mirror, for spreadsheets. CsvHelper escapes cells that begin with = + - @ tab or CR with a
/// leading quote, so a hostile name or tag cannot become a formula; every cell is cleaned and bounded first.
/// </summary>
internal sealed class CsvExportWriter : IReportWriter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        NewLine = "\n",
    };

    public string Format => "csv";

    public Task WriteAsync(ReportData report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new ReportView(report);
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader([.. CsvColumns.All.Select(c => c.Header)]);
        foreach (var session in view.Sessions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new CsvRow(report.Run.Id, session, view.AttributionOf(session.Id), view.AttributionText(session), view.FindingsOf(session));
            csv.WriteRecord([.. CsvColumns.All.Select(c => c.Value(row) is { } value ? SafeText.Clean(value, Limits.Export) : null)]);
        }

        return Task.CompletedTask;
    }
}
