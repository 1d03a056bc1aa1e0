using System.Text;

namespace PostureScan.Reporting.Html;

/// <summary>
/// The nightly report as one self-contained HTML file: inline stylesheet and script admitted by hash under
/// a Content-Security-Policy that forbids every fetch, charts in inline SVG, every value encoded.
/// </summary>
internal sealed class HtmlReportWriter : IReportWriter
{
    public string Format => "html";

    public async Task WriteAsync(ReportData report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var text = Render(report);
        await output.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken);
    }

    public static string Render(ReportData report)
    {
        var view = new ReportView(report);
        var html = new HtmlBuilder();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlAssets.ContentSecurityPolicy}\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Raw("<title>Traffic-mirroring posture: run ").Text(report.Run.Id).Raw("</title>\n")
            .Raw("<style>").Raw(HtmlAssets.Css).Raw("</style>\n</head>\n<body>\n");
        HtmlSummary.Write(html, view);
        HtmlFindings.Write(html, view);
        HtmlInventory.Write(html, view);
        HtmlInventory.WriteDrift(html, view);
        HtmlInventory.WriteErrors(html, view);
        html.Raw("<footer class=\"meta\"><p>PostureScan report, generated ").Text(Formats.Time(report.GeneratedAt))
            .Raw(". MITRE ATT&amp;CK T1020.001 (Automated Exfiltration: Traffic Duplication).</p></footer>\n")
            .Raw("<script>").Raw(HtmlAssets.Script).Raw("</script>\n</body>\n</html>\n");
        return html.ToString();
    }
}
