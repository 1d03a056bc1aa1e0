using System.Globalization;
using System.Text;

namespace PostureScan.Delivery.Slack;

/// <summary>
/// Makes data safe to place in Slack mrkdwn. Slack reads only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as
/// control characters, so escaping them leaves no way to write a mention (<c>&lt;!channel&gt;</c>,
/// <c>&lt;@U123&gt;</c>, <c>&lt;!subteam^S1&gt;</c>) or a link (<c>&lt;http://x|click&gt;</c>). Bare
/// <c>@channel</c>, <c>@here</c> and <c>@everyone</c> (which a webhook sent with link_names would turn
/// into mentions) get a zero-width space after the <c>@</c>. Line breaks and other control or format
/// characters (bidirectional overrides) become a space or U+FFFD so data cannot start a line of its
/// own or reorder what follows. The result is at most <c>maxLength</c> characters, cut between
/// escapes and surrogate pairs, ending in "…" when cut.
/// </summary>
internal static class SlackText
{
    private const char ZeroWidthSpace = '\u200B';

    private static readonly string[] Broadcasts = ["channel", "here", "everyone"];

    public static string Data(string? value, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(maxLength, (value?.Length ?? 0) * 2));
        var text = value ?? "";
        int? cut = null;
        for (var i = 0; i < text.Length; i++)
        {
            var piece = Piece(text, i);
            // Where to cut if the rest does not fit: leaves room for the ellipsis.
            if (cut is null && builder.Length + piece.Length > maxLength - 1)
            {
                cut = builder.Length;
            }

            if (builder.Length + piece.Length > maxLength)
            {
                builder.Length = cut!.Value;
                return builder.Append('…').ToString();
            }

            builder.Append(piece);
            i += piece.Length == 2 && char.IsHighSurrogate(piece[0]) ? 1 : 0;
        }

        return builder.ToString();
    }

    private static string Piece(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return text.Substring(i, 2);
        }

        return c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '@' when OpensMention(text, i) => "@" + ZeroWidthSpace,
            _ when char.IsControl(c) => " ",
            _ when char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format => "\uFFFD",
            _ => c.ToString(),
        };
    }

    /// <summary>An @ that starts a word, or names a broadcast anywhere; an e-mail's @ is left alone.</summary>
    private static bool OpensMention(string text, int at)
    {
        var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
        return startsWord || Broadcasts.Any(b => string.Compare(text, at + 1, b, 0, b.Length, StringComparison.OrdinalIgnoreCase) == 0);
    }
}
