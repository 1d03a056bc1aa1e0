using System.Text;

namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Looks at the start of an input to tell JSON from a line-oriented log: the first non-blank byte of a
/// JSON log is '{' or '['; otherwise the first non-blank line is offered to the text formats. The bytes
/// looked at are replayed, so unseekable inputs (standard input, gzip) are read whole.
/// </summary>
internal static class TextInputSniffer
{
    private const int PeekBytes = 8 * 1024;

    public static ITextAuditFormat? Sniff(ref Stream stream, IReadOnlyList<ITextAuditFormat> formats)
    {
        var peeked = new byte[PeekBytes];
        var length = 0;
        int read;
        while (length < peeked.Length && (read = stream.Read(peeked, length, peeked.Length - length)) > 0)
        {
            length += read;
            if (Array.IndexOf(peeked, (byte)'\n', SkipBlank(peeked, length), length - SkipBlank(peeked, length)) >= 0)
            {
                break;
            }
        }

        stream = new PrefixedStream(peeked, length, stream);
        var start = SkipBlank(peeked, length);
        if (start >= length || peeked[start] is (byte)'{' or (byte)'[')
        {
            return null;
        }

        var end = Array.IndexOf(peeked, (byte)'\n', start, length - start);
        var line = Encoding.UTF8.GetString(peeked, start, (end < 0 ? length : end) - start).TrimEnd('\r');
        return formats.FirstOrDefault(f => f.Recognises(line));
    }

    /// <summary>The offset of the first byte after a UTF-8 byte order mark and blank space.</summary>
    private static int SkipBlank(byte[] bytes, int length)
    {
        var i = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        while (i < length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}
