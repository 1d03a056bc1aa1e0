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
    /// <see cref="Clean"/>, but the kept text and the marker together fit in <paramref name="max"/>, for a format
    /// that refuses a longer value (Security Hub's fields); a bound too short for the marker keeps what fits and '…'.
    /// </summary>
    public static string Within(string? value, int max)
    {
        var clean = Clean(value, max);
        if (clean.Length <= max)
        {
            return clean;
        }

        var marker = BoundedText.Marker(value!.Length);
        return marker.Length < max
            ? Clean(value, max - marker.Length)
            : Clean(value[..BoundedText.CutAt(value, max - 1)], max) + "…";
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
