namespace PostureScan.Cisco.Parsing;

/// <summary>
/// Splits device text into numbered lines (LF, CRLF or CR), trimmed, with their indentation. A line past
/// the length bound keeps only a short prefix and is flagged: parsers skip it and count it.
/// </summary>
internal static class TextLines
{
    /// <summary>Longer than any monitor command or show field; a longer line is noise or an attack.</summary>
    public const int MaxLineLength = 1024;

    public static IEnumerable<SourceLine> Split(string text)
    {
        var number = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOfAny(['\n', '\r'], start);
            var stop = end < 0 ? text.Length : end;
            number++;
            if (end >= 0 || start < text.Length)
            {
                yield return Make(number, text, start, stop - start);
            }

            if (end < 0)
            {
                yield break;
            }

            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
    }

    private static SourceLine Make(int number, string text, int start, int length)
    {
        if (length > MaxLineLength)
        {
            // Keep only a prefix, enough to tell a monitor command from the rest of a config.
            return new SourceLine(number, text.Substring(start, 64).Trim(), 0, TooLong: true);
        }

        var line = text.Substring(start, length);
        var indent = 0;
        while (indent < line.Length && char.IsWhiteSpace(line[indent]))
        {
            indent++;
        }

        return new SourceLine(number, line.Trim(), indent, TooLong: false);
    }
}
