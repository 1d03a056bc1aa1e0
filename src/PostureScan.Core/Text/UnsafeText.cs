using System.Globalization;
using System.Text;

namespace PostureScan.Core.Text;

/// <summary>
/// The one rule for the characters an adversary-controlled value must never carry as themselves into an output
/// someone reads. Every output shows them its own way: JSON escapes them, reports and CSV show <c>[U+XXXX]</c>,
/// the terminal <c>?</c>.
/// </summary>
public static class UnsafeText
{
    /// <summary>
    /// Control characters (escape sequences, BEL, backspace) could rewrite the operator's terminal; format
    /// characters (bidirectional overrides and marks, zero-width spaces and joiners) and line or paragraph separators
    /// make a value read as something it is not, or reorder the text around it.
    /// </summary>
    public static bool IsUnsafe(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>
    /// <paramref name="value"/> with every unsafe character but those in <paramref name="kept"/> shown as
    /// <c>[U+XXXX]</c>, for outputs that have no escape of their own (reports, CSV): a value can then neither
    /// rewrite a terminal or a line, nor flip the direction of the text around it, nor pass for another (an actor
    /// "al\u200Bice" is not alice).
    /// </summary>
    public static string Visible(string value, string kept = "")
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(kept);
        if (!value.Any(c => IsShown(c, kept)))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (IsShown(c, kept))
            {
                builder.Append(CultureInfo.InvariantCulture, $"[U+{(int)c:X4}]");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsShown(char c, string kept) => IsUnsafe(c) && !kept.Contains(c, StringComparison.Ordinal);
}
