using System.Globalization;
using Microsoft.Extensions.Logging;
using PostureScan.Cli.Reports;
using PostureScan.Reporting;

namespace PostureScan.Serve;

/// <summary>
/// Writes the report of the latest committed run: after each scan to <see cref="ServeSettings.ReportPath"/>,
/// and nightly to <see cref="ServeSettings.NightlyReportPath"/>. The file is written beside its name and moved
/// into place, so a reader never sees half a report.
/// </summary>
internal sealed partial class ReportPublisher(ServeStore store, ServeSettings settings, TimeProvider time, ServeMetrics metrics, ILogger<ReportPublisher> logger)
{
    public const string DatePlaceholder = "{date}";

    public async Task<string?> PublishAsync(string kind, DateTimeOffset firedAt, CancellationToken cancellationToken)
    {
        var target = kind == ServeJobKeys.NightlyReport ? settings.NightlyReportPath : settings.ReportPath;
        if (target is null)
        {
            return null;
        }

        var night = TimeZoneInfo.ConvertTime(firedAt, ServeSchedule.TimeZone(settings));
        var path = Path.GetFullPath(target.Replace(DatePlaceholder, night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        try
        {
            var loader = new ReportLoader(store.Runs, time)
            {
                Attributions = async (runId, ct) => (await store.Audit.GetAuditRunAsync(runId, ct))?.Report.ToEvidence().Attributions,
            };
            var data = await loader.LoadAsync(null, cancellationToken);
            var writer = ReportWriters.Find(ReportWriters.Reports, settings.ReportFormat)!;
            await StoreReports.WriteAsync(writer, data, path, cancellationToken);
            metrics.ReportWritten(kind, ServeMetrics.Complete);
            Written(logger, kind, data.Run.Id, path);
            return path;
        }
        catch (ReportInputException ex)
        {
            // No run stored yet: nothing to report, and nothing wrong.
            metrics.ReportWritten(kind, ServeMetrics.Skipped);
            Skipped(logger, kind, ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.ReportWritten(kind, ServeMetrics.Failed);
            Failed(logger, kind, path, ex);
            throw;
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "The {Kind} report of run {RunId} is written to {Path}")]
    private static partial void Written(ILogger logger, string kind, string runId, string path);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "The {Kind} report is skipped: {Reason}")]
    private static partial void Skipped(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 42, Level = LogLevel.Error, Message = "The {Kind} report could not be written to {Path}")]
    private static partial void Failed(ILogger logger, string kind, string path, Exception exception);
}
