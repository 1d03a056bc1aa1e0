using System.Text;

namespace PostureScan.Reporting.Text;

/// <summary>
/// Markdown text: every character that Markdown (CommonMark, and GitHub's tables, autolinks and math) could
/// read as inline syntax (and the dot of a bare "www." that GitHub would link) is backslash-escaped (a value never starts a line: newlines are made visible first), so a value renders as the literal text it is: no emphasis, links,
/// images, HTML, headings or table breaks from data. Control characters are made visible first.
/// </summary>
internal static class MarkdownText
{
    private const string Syntax = "\\`*_{}[]<>()#+-!|~&:$@";

    public static string Escape(string? value, int max = Limits.Cell)
    {
        var text = SafeText.Visible(SafeText.Clean(value, max));
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // GitHub links "www." followed by a domain with no scheme at all (an extended autolink): the escaped dot breaks it.
            if (Syntax.Contains(c, StringComparison.Ordinal) || (c == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>An inline code span for an id: backticks in the value cannot close it early.</summary>
    public static string Code(string? value, int max = Limits.Cell)
    {
        var text = SafeText.Visible(SafeText.Clean(value, max));
        if (text.Length == 0)
        {
            return "\\-";
        }

        // A span's fence is one backtick longer than the longest run inside it (CommonMark 6.1).
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        // A pipe would still split a table cell inside a code span on GitHub.
        var body = text.Replace("|", "\\|", StringComparison.Ordinal);
        return $"{fence} {body} {fence}";
    }
}
