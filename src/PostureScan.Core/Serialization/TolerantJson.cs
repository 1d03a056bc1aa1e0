using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PostureScan.Core.Serialization;

/// <summary>
/// Reads JSON strings and property names whose escapes hold an unpaired UTF-16 surrogate ("\ud800").
/// JSON allows them, but System.Text.Json throws when it turns one into a .NET string. Whoever makes
/// a call controls fields of its audit record (userAgent, tag values), and whoever tags a resource
/// controls text of the inventory, so a refused string would be a way to hide a call or lose a scope:
/// each unpaired surrogate becomes U+FFFD instead, as stored text does. Audit records are read field
/// by field (<see cref="StringOf(JsonElement)"/>, <see cref="TryGetProperty"/>); a provider's answer is
/// repaired whole on arrival (<see cref="ReplaceUnpairedSurrogates"/>), before any parser sees it.
/// </summary>
public static class TolerantJson
{
    private static readonly byte[] Replacement = "\\uFFFD"u8.ToArray();

    /// <summary>The text of a string value; null for any other kind.</summary>
    public static string? StringOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        // Only a \u escape can spell a surrogate: the rest keep the framework's own, faster path.
        var content = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        return content.IndexOf("\\u"u8) < 0 ? value.GetString() : Unescape(content);
    }

    /// <summary>The name of <paramref name="property"/>, which <see cref="JsonProperty.Name"/> would refuse to read.</summary>
    public static string NameOf(JsonProperty property)
    {
        var name = JsonMarshal.GetRawUtf8PropertyName(property);
        return name.IndexOf("\\u"u8) < 0 ? property.Name : Unescape(name);
    }

    /// <summary>
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>, which throws when any name in
    /// the object holds an unpaired surrogate; then the names are compared with it read as U+FFFD.
    /// </summary>
    public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        try
        {
            return obj.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            // As the framework does, the last of duplicate names wins.
            var found = false;
            value = default;
            foreach (var property in obj.EnumerateObject())
            {
                if (Unescape(JsonMarshal.GetRawUtf8PropertyName(property)) == name)
                {
                    value = property.Value;
                    found = true;
                }
            }

            return found;
        }
    }

    /// <summary>The text of a string's content as it appears between its quotes, escapes and all.</summary>
    public static string Unescape(ReadOnlySpan<byte> content)
    {
        var quoted = new byte[content.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        content.CopyTo(quoted.AsSpan(1));
        ReplaceUnpairedSurrogates(quoted.AsSpan(1, content.Length));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString() ?? "";
    }

    /// <summary>The text of the string token <paramref name="reader"/> is on; null for any other token.</summary>
    public static string? StringOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        if (!reader.ValueIsEscaped)
        {
            return reader.GetString();
        }

        return reader.HasValueSequence ? Unescape(reader.ValueSequence.ToArray()) : Unescape(reader.ValueSpan);
    }

    /// <summary>
    /// Rewrites each \u escape of an unpaired surrogate as \uFFFD, in place: both are six bytes, so a
    /// whole JSON text keeps its length and every offset in it. Only strings hold backslashes, so this
    /// serves a whole document as well as one string's content. A raw surrogate cannot occur, as UTF-8
    /// cannot encode one, so pairs are always two escapes.
    /// </summary>
    public static void ReplaceUnpairedSurrogates(Span<byte> content)
    {
        var i = 0;
        while (i < content.Length)
        {
            if (content[i] != (byte)'\\')
            {
                i++;
                continue;
            }

            if (!EscapedUnit(content, i, out var unit))
            {
                i += 2; // a two-byte escape such as \" or \\
                continue;
            }

            if (char.IsHighSurrogate(unit) && EscapedUnit(content, i + 6, out var next) && char.IsLowSurrogate(next))
            {
                i += 12;
                continue;
            }

            if (char.IsSurrogate(unit))
            {
                Replacement.CopyTo(content[i..]);
            }

            i += 6;
        }
    }

    /// <summary>Whether a \uXXXX escape starts at <paramref name="at"/>, and the UTF-16 unit it spells.</summary>
    private static bool EscapedUnit(ReadOnlySpan<byte> content, int at, out char unit)
    {
        unit = default;
        if (at + 6 > content.Length || content[at] != (byte)'\\' || content[at + 1] != (byte)'u'
            || !ushort.TryParse(content.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        unit = (char)code;
        return true;
    }
}
