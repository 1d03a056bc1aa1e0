using System.Globalization;

namespace PostureScan.Reporting.Html;

/// <summary>
/// Charts drawn as inline SVG: horizontal bars (one row per label) and a trend of two lines. Labels are
/// encoded like any other text; shapes use presentation attributes and CSS classes, never style attributes,
/// so the page's Content-Security-Policy needs no 'unsafe-inline'.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 480;
    private const int RowHeight = 30;
    private const int LabelWidth = 200;
    private const int CountWidth = 44;

    /// <summary>Characters of a label that fit beside a bar at the chart's font size.</summary>
    private const int LabelMax = 24;

    /// <summary>A bar chart. Each bar has a CSS class (for severity colours); <paramref name="chart"/> names it for tests and styling.</summary>
    public static void Bars(HtmlBuilder html, string chart, string title, IReadOnlyList<(string Label, int Count, string CssClass)> bars)
    {
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Count));
        var span = Width - LabelWidth - CountWidth;
        html.Raw($"<figure><figcaption id=\"{chart}-title\">").Text(title).Raw("</figcaption>\n")
            .Raw($"<svg data-chart=\"{chart}\" role=\"img\" aria-labelledby=\"{chart}-title\" viewBox=\"0 0 {Width} {height}\" preserveAspectRatio=\"xMinYMin meet\">\n");
        if (bars.Count == 0)
        {
            html.Raw($"<text x=\"0\" y=\"{RowHeight - 8}\">none</text>\n");
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count, cssClass) = bars[i];
            var y = i * RowHeight + 4;
            var length = count == 0 ? 0 : Math.Max(2, (int)Math.Round((double)count / max * span));
            html.Raw($"<g data-value=\"{N(count)}\">")
                .Raw($"<text x=\"0\" y=\"{N(y + 19)}\"><title>").Text(label).Raw("</title>").Text(Short(label)).Raw("</text>")
                .Raw($"<rect class=\"bar {HtmlBuilder.Attr(cssClass)}\" x=\"{LabelWidth}\" y=\"{N(y + 3)}\" width=\"{N(length)}\" height=\"{RowHeight - 8}\"/>")
                .Raw($"<text x=\"{N(LabelWidth + length + 6)}\" y=\"{N(y + 19)}\">{N(count)}</text></g>\n");
        }

        html.Raw("</svg></figure>\n");
    }

    /// <summary>Mirrors and active findings per run, oldest first; a run without an evaluation has no findings point.</summary>
    public static void Trend(HtmlBuilder html, string chart, string title, IReadOnlyList<RunPoint> points)
    {
        const int height = 220;
        const int left = 36;
        const int right = 12;
        const int top = 12;
        const int bottom = 44;
        var max = Math.Max(1, points.Max(p => Math.Max(p.Sessions, p.ActiveFindings ?? 0)));
        var plotWidth = Width - left - right;
        var plotHeight = height - top - bottom;
        double X(int i) => left + (points.Count == 1 ? plotWidth / 2.0 : i * plotWidth / (double)(points.Count - 1));
        double Y(int v) => top + plotHeight - (v * plotHeight / (double)max);

        html.Raw($"<figure><figcaption id=\"{chart}-title\">").Text(title).Raw("</figcaption>\n")
            .Raw($"<svg data-chart=\"{chart}\" role=\"img\" aria-labelledby=\"{chart}-title\" viewBox=\"0 0 {Width} {height}\" preserveAspectRatio=\"xMinYMin meet\">\n")
            .Raw($"<line class=\"axis\" x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{Width - right}\" y2=\"{top + plotHeight}\"/>")
            .Raw($"<line class=\"axis\" x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotHeight}\"/>\n")
            .Raw($"<text x=\"0\" y=\"{top + 10}\">{N(max)}</text><text x=\"0\" y=\"{top + plotHeight}\">0</text>\n");

        Series(html, "sessions", points.Select((p, i) => (X(i), Y(p.Sessions), (int?)p.Sessions)).ToList());
        Series(html, "findings", points.Select((p, i) => (X(i), p.ActiveFindings is { } f ? Y(f) : 0, p.ActiveFindings)).ToList());

        var step = Math.Max(1, (int)Math.Ceiling(points.Count / 6.0));
        // Runs of one day are told apart by their time, runs of several days by their date.
        var sameDay = points[^1].StartedAt - points[0].StartedAt < TimeSpan.FromDays(1);
        for (var i = 0; i < points.Count; i += step)
        {
            var label = points[i].StartedAt.UtcDateTime.ToString(sameDay ? "HH:mm" : "MM-dd", CultureInfo.InvariantCulture);
            html.Raw($"<text x=\"{F(X(i) - 18)}\" y=\"{top + plotHeight + 18}\">{label}</text>");
        }

        html.Raw($"\n<rect class=\"bar\" x=\"{left}\" y=\"{height - 16}\" width=\"14\" height=\"4\"/>")
            .Raw($"<text x=\"{left + 20}\" y=\"{height - 8}\">mirrors</text>")
            .Raw($"<rect class=\"bar high\" x=\"{left + 120}\" y=\"{height - 16}\" width=\"14\" height=\"4\"/>")
            .Raw($"<text x=\"{left + 140}\" y=\"{height - 8}\">active findings</text>\n")
            .Raw("</svg></figure>\n");
    }

    private static void Series(HtmlBuilder html, string name, IReadOnlyList<(double X, double Y, int? Value)> points)
    {
        var known = points.Where(p => p.Value is not null).ToList();
        if (known.Count > 1)
        {
            html.Raw($"<polyline class=\"line {name}\" points=\"{string.Join(' ', known.Select(p => $"{F(p.X)},{F(p.Y)}"))}\"/>\n");
        }

        foreach (var (x, y, value) in known)
        {
            html.Raw($"<circle class=\"dot {name}\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"3\" data-value=\"{N(value!.Value)}\"/>");
        }

        html.Raw("\n");
    }

    /// <summary>
    /// A label that fits beside a bar: an ARN or path keeps its last two segments (the readable name), and
    /// anything longer is cut with an ellipsis; the full label stays in the element's title.
    /// </summary>
    public static string Short(string label)
    {
        var text = Text.SafeText.Clean(label, 1024);
        if (text.Length > LabelMax && text.StartsWith("arn:", StringComparison.Ordinal))
        {
            var segments = text[(text.LastIndexOf(':') + 1)..].Split('/');
            text = string.Join('/', segments.TakeLast(2));
        }

        return text.Length <= LabelMax ? text : text[..(LabelMax - 1)] + "…";
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
