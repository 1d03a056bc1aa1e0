using System.Globalization;
using System.Text;

namespace PostureScan.Emulator;

/// <summary>
/// The request log as the endpoints write it: their lines quote the caller's text (an action, a path, an S3
/// prefix), and the log is often a terminal, so control characters in a line are written as \uXXXX escapes
/// and a caller's line break cannot start a line of its own.
/// </summary>
internal sealed class PrintableLog(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(Printable(value.ToString()));

    public override void Write(string? value) => inner.Write(Printable(value));

    public override void WriteLine(string? value) => inner.WriteLine(Printable(value));

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();

    public static string Printable(string? text)
    {
        if (text is null || !text.Any(char.IsControl))
        {
            return text ?? "";
        }

        var printable = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = char.IsControl(c) ? printable.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : printable.Append(c);
        }

        return printable.ToString();
    }
}
