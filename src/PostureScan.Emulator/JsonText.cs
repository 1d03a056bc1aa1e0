using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PostureScan.Emulator;

/// <summary>
/// JSON string literals for world text that may hold an unpaired UTF-16 surrogate. JSON carries one as a
/// \u escape, and a service echoes the text it stored that way; System.Text.Json's writers would put
/// U+FFFD in its place, so such a string is written here and handed to the writer as a raw value.
/// </summary>
internal static class JsonText
{
    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
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

    /// <summary>The quoted literal: each unpaired surrogate as \uXXXX, the rest escaped by <paramref name="encoder"/>.</summary>
    public static string Quoted(string text, JavaScriptEncoder encoder)
    {
        var literal = new StringBuilder("\"");
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                literal.Append(JsonEncodedText.Encode(text.AsSpan(start, i - start), encoder).Value)
                    .Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:x4}");
                start = i + 1;
            }
        }

        return literal.Append(JsonEncodedText.Encode(text.AsSpan(start), encoder).Value).Append('"').ToString();
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
