namespace PostureScan.Reporting;

/// <summary>
/// One output format (a report or an export). A writer is a pure function of the data: the same
/// <see cref="ReportData"/> gives the same bytes, and every cloud string in it is treated as hostile.
/// </summary>
public interface IReportWriter
{
    /// <summary>The name given to <c>--format</c>: html, md, json, csv, ocsf, asff.</summary>
    string Format { get; }

    Task WriteAsync(ReportData report, Stream output, CancellationToken cancellationToken);
}
