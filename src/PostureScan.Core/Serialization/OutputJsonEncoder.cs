using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using PostureScan.Core.Text;

namespace PostureScan.Core.Serialization;

/// <summary>
/// The encoder of <see cref="OutputJson"/>: the runtime's relaxed JSON escaping (a quote is <c>\"</c>, and
/// <c>&lt; &gt; &amp; ' +</c> are themselves: standard output is read by jq, a SIEM or a person, never embedded in a
/// page), plus <c>\uXXXX</c> for every character <see cref="UnsafeText"/> names that the relaxed encoder lets through
/// (the soft hyphen, the Arabic number signs and other format characters it does not count as such).
/// </summary>
/// <remarks>
/// The runtime's encoders take no such addition: <see cref="JavaScriptEncoder.Create(TextEncoderSettings)"/> forbids
/// characters but always escapes the HTML ones too, as <c>\u0022</c> for a quote. The pointer members are the
/// encoder contract's; the text they see is the writer's own buffer.
/// </remarks>
internal sealed class OutputJsonEncoder : JavaScriptEncoder
{
    private static readonly JavaScriptEncoder Relaxed = UnsafeRelaxedJsonEscaping;

    public static OutputJsonEncoder Instance { get; } = new();

    private OutputJsonEncoder()
    {
    }

    /// <summary>Six characters (<c>\uXXXX</c>) per UTF-16 unit, as the relaxed encoder's own longest escape.</summary>
    public override int MaxOutputCharactersPerInputCharacter => Math.Max(Relaxed.MaxOutputCharactersPerInputCharacter, 6);

    public override bool WillEncode(int unicodeScalar) =>
        Relaxed.WillEncode(unicodeScalar) || (Rune.IsValid(unicodeScalar) && UnsafeText.IsUnsafe(new Rune(unicodeScalar)));

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        var index = 0;
        while (index < span.Length)
        {
            // A lone surrogate is left to the relaxed encoder, which escapes it.
            if (Rune.DecodeFromUtf16(span[index..], out var rune, out var consumed) != OperationStatus.Done || WillEncode(rune.Value))
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (Relaxed.WillEncode(unicodeScalar) || !WillEncode(unicodeScalar))
        {
            return Relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        }

        // Only characters of the Basic Multilingual Plane get here: the relaxed encoder escapes every other.
        const int Escape = 6;
        if (unicodeScalar > char.MaxValue || bufferLength < Escape)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        var written = new Span<char>(buffer, Escape);
        "\\u".CopyTo(written);
        ((ushort)unicodeScalar).TryFormat(written[2..], out _, "X4", System.Globalization.CultureInfo.InvariantCulture);
        numberOfCharactersWritten = Escape;
        return true;
    }
}
