using PostureScan.Hosting;
using PostureScan.Reporting;
using PostureScan.Storage;

namespace PostureScan.Cli.Reports;

/// <summary>What report, export and diff share: opening an existing store, loading, and writing the output file.</summary>
internal static class StoreReports
{
    public const string DefaultDatabase = "posturescan.db";

    /// <summary>Opens the store without creating one: a report from a mistyped path should fail, not find an empty store.</summary>
    public static Task<RunStore> OpenAsync(string? database, CancellationToken ct) =>
        RunStores.OpenExistingAsync(RunStores.Locate(database), "no store there (run a scan first, or give --db FILE)", ct);

    public static async Task<ReportData> LoadAsync(string? database, string? runId, TimeProvider time, CancellationToken ct)
    {
        await using var store = await OpenAsync(database, ct);
        try
        {
            return await Loader(store, time).LoadAsync(runId, ct);
        }
        catch (ReportInputException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>A loader whose attributions are those stored with each run's audit evidence (none: "not attributed yet").</summary>
    public static ReportLoader Loader(RunStore store, TimeProvider time) => new(store, time)
    {
        Attributions = async (runId, ct) => (await store.GetAuditRunAsync(runId, ct))?.Report.ToEvidence().Attributions,
    };

    public static IReportWriter Writer(IReadOnlyList<IReportWriter> writers, string format) =>
        ReportWriters.Find(writers, format)
        ?? throw new UsageException($"unknown format '{format}': use one of {string.Join(", ", writers.Select(w => w.Format))}");

    /// <summary>
    /// Writes to <paramref name="output"/> ("-" for standard output). A file is written beside its final name
    /// and moved into place, so a reader never sees half a report.
    /// </summary>
    public static async Task WriteAsync(IReportWriter writer, ReportData data, string output, CancellationToken ct)
    {
        if (output == "-")
        {
            await using var stdout = Console.OpenStandardOutput();
            await writer.WriteAsync(data, stdout, ct);
            return;
        }

        var path = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await writer.WriteAsync(data, file, ct);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
