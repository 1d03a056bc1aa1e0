using System.Text;

namespace PostureScan.Reporting.Text;

/// <summary>HTML text and attribute values: every value is cleaned, bounded, made visible and entity-encoded.</summary>
internal static class HtmlText
{
    public static string Encode(string? value, int max = Limits.Cell)
    {
        var text = SafeText.Visible(SafeText.Clean(value, max));
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }
}
