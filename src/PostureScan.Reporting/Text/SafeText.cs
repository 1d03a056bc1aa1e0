using System.Globalization;
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

        var cut = value.Length > max ? max : value.Length;
        if (cut < value.Length && cut > 0 && char.IsHighSurrogate(value[cut - 1]))
        {
            // Never split a surrogate pair at the cut.
            cut--;
        }

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
            builder.Append(Marker(value.Length));
        }

        return builder.ToString();
    }

    /// <summary>The truncation marker: the original length in characters.</summary>
    public static string Marker(int length) => string.Create(CultureInfo.InvariantCulture, $"… [truncated, {length} characters in all]");

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
