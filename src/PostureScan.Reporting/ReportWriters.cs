using PostureScan.Reporting.Asff;
using PostureScan.Reporting.Csv;
using PostureScan.Reporting.Html;
using PostureScan.Reporting.Json;
using PostureScan.Reporting.Markdown;
using PostureScan.Reporting.Ocsf;

namespace PostureScan.Reporting;

/// <summary>The writers of <c>report --format</c> and of <c>export --format</c>. Adding a format is one line here.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> Reports { get; } =
        [new HtmlReportWriter(), new MarkdownReportWriter(), new JsonReportWriter()];

    public static IReadOnlyList<IReportWriter> Exports { get; } =
        [new CsvExportWriter(), new JsonExportWriter(), new OcsfExportWriter(), new AsffExportWriter()];

    public static IReportWriter? Find(IReadOnlyList<IReportWriter> writers, string format) =>
        writers.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}
