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
    public static bool IsUnsafe(char c) => IsUnsafe(char.GetUnicodeCategory(c));

    /// <summary>
    /// The same rule for a whole code point: the format characters beyond the Basic Multilingual Plane (the tag
    /// characters U+E0000–U+E007F, which can carry a hidden ASCII text) are two UTF-16 units, each of which is only
    /// a surrogate on its own.
    /// </summary>
    public static bool IsUnsafe(Rune rune) => IsUnsafe(Rune.GetUnicodeCategory(rune));

    /// <summary>
    /// <paramref name="value"/> with every unsafe code point but those in <paramref name="kept"/> replaced by
    /// <paramref name="replacement"/>, one for each; the value itself when it has none.
    /// </summary>
    public static string Replace(string value, char replacement, string kept = "")
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(kept);
        return Rewrite(value, kept, (builder, _) => builder.Append(replacement));
    }

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
        return Rewrite(value, kept, (builder, rune) => builder.Append(CultureInfo.InvariantCulture, $"[U+{rune.Value:X4}]"));
    }

    private static string Rewrite(string value, string kept, Action<StringBuilder, Rune> show)
    {
        if (!value.EnumerateRunes().Any(r => IsShown(r, kept)))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsShown(rune, kept))
            {
                show(builder, rune);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool IsShown(Rune rune, string kept) => IsUnsafe(rune) && !(rune.IsBmp && kept.Contains((char)rune.Value, StringComparison.Ordinal));
}
