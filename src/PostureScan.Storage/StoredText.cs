using System.Text;

namespace PostureScan.Storage;

/// <summary>
/// Text as both databases can hold it. PostgreSQL refuses a NUL character in text and neither database
/// can store a lone UTF-16 surrogate as UTF-8, so each becomes U+FFFD: losing one character of a hostile
/// name beats losing the run. The record JSON keeps the original, escaped, so a reloaded record is exact.
/// </summary>
internal static class StoredText
{
    public static string Of(string value) => IsStorable(value) ? value : Replace(value);

    public static string? OfNullable(string? value) => value is null ? null : Of(value);

    private static bool IsStorable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    private static string Replace(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var rune in EnumerateLenient(value))
        {
            text.Append(rune.Value == 0 ? Rune.ReplacementChar.ToString() : rune.ToString());
        }

        return text.ToString();
    }

    /// <summary>Runes of the string with each unpaired surrogate read as U+FFFD.</summary>
    private static IEnumerable<Rune> EnumerateLenient(string value)
    {
        var i = 0;
        while (i < value.Length)
        {
            var status = Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed);
            yield return status == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;
            i += Math.Max(consumed, 1);
        }
    }
}
