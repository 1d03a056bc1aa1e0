using System.Text;

namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Splits a stream into UTF-8 lines (LF or CRLF) without ever holding more than one bounded line: a line
/// longer than the bound is skipped to its end and handed on without text, so hostile input cannot
/// exhaust memory. Invalid UTF-8 becomes U+FFFD.
/// </summary>
internal sealed class TextLineSplitter(Stream stream, int maxLineBytes)
{
    private const int Chunk = 64 * 1024;

    public IEnumerable<TextLine> Lines()
    {
        var buffer = new byte[Chunk];
        var line = new byte[Math.Min(maxLineBytes, Chunk)];
        var length = 0;
        var tooLong = false;
        long number = 0;
        long offset = 0;
        long lineStart = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n')
                {
                    yield return Make(++number, lineStart);
                    lineStart = offset + i + 1;
                    length = 0;
                    tooLong = false;
                }
                else if (!tooLong)
                {
                    if (length == maxLineBytes)
                    {
                        tooLong = true;
                    }
                    else
                    {
                        if (length == line.Length)
                        {
                            Array.Resize(ref line, Math.Min(maxLineBytes, line.Length * 2));
                        }

                        line[length++] = b;
                    }
                }
            }

            offset += read;
        }

        if (length > 0 || tooLong)
        {
            yield return Make(++number, lineStart);
        }

        TextLine Make(long n, long start)
        {
            if (tooLong)
            {
                return new TextLine(null, n, start);
            }

            var end = length > 0 && line[length - 1] == (byte)'\r' ? length - 1 : length;
            return new TextLine(Encoding.UTF8.GetString(line, 0, end), n, start);
        }
    }
}
