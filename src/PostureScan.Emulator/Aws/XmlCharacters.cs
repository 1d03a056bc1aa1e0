using System.Text;
using System.Xml;

namespace PostureScan.Emulator.Aws;

/// <summary>
/// The characters XML 1.0 cannot carry, not even as a character reference: C0 controls other than tab,
/// LF and CR, U+FFFE, U+FFFF and lone surrogates. <see cref="XmlWriter"/> throws on them, and AWS's XML
/// APIs never return them.
/// </summary>
internal static class XmlCharacters
{
    /// <summary>The index of the first character XML cannot carry, or -1 when there is none.</summary>
    public static int IndexOfUnrepresentable(string text)
    {
        for (var i = 0; i < text.Length; i += Width(text, i))
        {
            if (Width(text, i) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Caller text echoed in an error message, with each character XML cannot carry replaced by U+FFFD,
    /// so that the error can still be written.
    /// </summary>
    public static string Printable(string text)
    {
        if (IndexOfUnrepresentable(text) < 0)
        {
            return text;
        }

        var printable = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var width = Width(text, i);
            _ = width == 0 ? printable.Append('\uFFFD') : printable.Append(text, i, width);
            i += Math.Max(width, 1);
        }

        return printable.ToString();
    }

    /// <summary>The UTF-16 length of the character at <paramref name="i"/>: 1, 2 for a surrogate pair, 0 when XML cannot carry it.</summary>
    private static int Width(string text, int i) =>
        XmlConvert.IsXmlChar(text[i]) ? 1
        : i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]) ? 2
        : 0;
}
