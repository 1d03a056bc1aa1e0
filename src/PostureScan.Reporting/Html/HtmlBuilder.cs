using System.Globalization;
using System.Text;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Html;

/// <summary>
/// Builds the page. Markup is written only from literals in this project; every value goes through
/// <see cref="Text"/> (encoded), and attribute values through <see cref="Attr"/>.
/// </summary>
internal sealed class HtmlBuilder
{
    private readonly StringBuilder html = new();

    /// <summary>Trusted markup: a literal of this project, never data.</summary>
    public HtmlBuilder Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public HtmlBuilder Text(string? value, int max = Limits.Cell)
    {
        html.Append(HtmlText.Encode(value, max));
        return this;
    }

    public HtmlBuilder Number(int value)
    {
        html.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public static string Attr(string? value, int max = Limits.Cell) => HtmlText.Encode(value, max);

    /// <summary>An element holding encoded text, e.g. <c>Element("td", value)</c>.</summary>
    public HtmlBuilder Element(string tag, string? value, int max = Limits.Cell, string? cssClass = null, string? sortKey = null)
    {
        html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(Attr(cssClass)).Append('"');
        }

        if (sortKey is not null)
        {
            html.Append(" data-sort=\"").Append(Attr(sortKey)).Append('"');
        }

        html.Append('>').Append(HtmlText.Encode(value, max)).Append("</").Append(tag).Append(">\n");
        return this;
    }

    public HtmlBuilder Code(string? value, int max = Limits.Cell) => Raw("<code>").Text(value, max).Raw("</code>");

    /// <summary>A table header whose cells sort the table when the script runs.</summary>
    public HtmlBuilder SortableHead(params string[] columns)
    {
        html.Append("<thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th scope=\"col\"><button type=\"button\">").Append(HtmlText.Encode(column)).Append("</button></th>");
        }

        html.Append("</tr></thead>\n");
        return this;
    }

    /// <summary>A search box that filters the rows of the table with id <paramref name="tableId"/> (shown only when the script runs).</summary>
    public HtmlBuilder Filter(string tableId, string label) =>
        Raw($"<input type=\"search\" hidden data-filter=\"{Attr(tableId)}\" placeholder=\"{Attr(label)}\" aria-label=\"{Attr(label)}\">\n");

    public override string ToString() => html.ToString();
}
