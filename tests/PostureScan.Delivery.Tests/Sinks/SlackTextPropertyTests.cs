using System.Text.RegularExpressions;
using CsCheck;
using PostureScan.Delivery.Slack;

namespace PostureScan.Delivery.Tests.Sinks;

/// <summary>Whatever the data and the bound, Slack text holds no control character of Slack's and no broadcast.</summary>
public sealed partial class SlackTextPropertyTests
{
    private static readonly string[] Pieces =
    [
        "<", ">", "&", "@", "|", "!", "^", "#", "channel", "here", "everyone", "CHANNEL", "subteam", "U024BE7LH",
        "http://evil.example", "&lt;", "&amp;", "\n", "\r", "\u202e", "\u200b", "\ud83d\udea8", "\ud800", "\udc00",
        "a", "é", " ", "mailto:", "`", "*",
    ];

    private static readonly Gen<string> Data = Gen.Frequency(
        (4, Gen.OneOf(Pieces).Array[0, 30].Select(p => string.Concat(p))),
        (1, Gen.String[Gen.Char, 0, 40]));

    [Fact]
    public void Escaped_text_is_bounded_and_cannot_mention_or_link()
    {
        Gen.Select(Data, Gen.Int[2, 200]).Sample(
            pair =>
            {
                var (data, max) = pair;
                var text = SlackText.Data(data, max);

                Assert.True(text.Length <= max, $"{text.Length} > {max}");
                Assert.DoesNotContain('<', text);
                Assert.DoesNotContain('>', text);
                Assert.DoesNotMatch(LoneAmpersand(), text);
                Assert.DoesNotMatch(Broadcast(), text);
                Assert.DoesNotContain('\n', text);
                Assert.DoesNotContain('\r', text);
                Assert.DoesNotContain('\u202e', text);
                Assert.False(HasLoneSurrogate(text), "lone surrogate");
            },
            iter: 5000);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("&(?!amp;|lt;|gt;)")]
    private static partial Regex LoneAmpersand();

    [GeneratedRegex("@(channel|here|everyone)", RegexOptions.IgnoreCase)]
    private static partial Regex Broadcast();
}
