using System.Text;

namespace PostureScan.Cli.Detect;

/// <summary>Makes a hostile log string safe for a terminal: control characters replaced, length bounded.</summary>
internal static class Printable
{
    public static string Of(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxChars + 1));
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, maxChars)))
        {
            builder.Append(char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format ? '?' : c);
        }

        if (text.Length > maxChars)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
