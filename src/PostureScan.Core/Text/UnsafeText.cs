using System.Globalization;

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
}
