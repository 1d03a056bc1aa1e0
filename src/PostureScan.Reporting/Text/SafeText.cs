using System.Text;
using PostureScan.Core.Text;

namespace PostureScan.Reporting.Text;

/// <summary>
/// The first step for every cloud string on its way into an output: lone UTF-16 surrogates (invalid
/// text) become U+FFFD, and a value longer than the format's bound is cut, with a marker that says how
/// long it was. Format-specific escaping (HTML, Markdown, CSV, JSON) comes after.
/// </summary>
internal static class SafeText
{
    public static string Clean(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var cut = BoundedText.CutAt(value, max);
        var builder = new StringBuilder(cut + 40);
        for (var i = 0; i < cut; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < cut && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        if (cut < value.Length)
        {
            builder.Append(BoundedText.Marker(value.Length));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Control characters, format characters and line or paragraph separators made visible as [U+XXXX]
    /// (<see cref="UnsafeText"/>, the rule the terminal and CSV follow too). A newline reads as a space.
    /// </summary>
    public static string Visible(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return UnsafeText.Visible(value.Replace('\n', ' '));
    }
}
