using System.Text;

namespace PostureScan.Reporting.Tests.Support;

/// <summary>Runs a writer into memory.</summary>
internal static class Render
{
    public static async Task<string> ToStringAsync(IReportWriter writer, ReportData data)
    {
        using var buffer = new MemoryStream();
        await writer.WriteAsync(data, buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReportWriter Report(string format) => ReportWriters.Find(ReportWriters.Reports, format)!;

    public static IReportWriter Export(string format) => ReportWriters.Find(ReportWriters.Exports, format)!;
}
