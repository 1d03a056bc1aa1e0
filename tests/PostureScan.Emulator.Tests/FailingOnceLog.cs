namespace PostureScan.Emulator.Tests;

/// <summary>
/// A request log whose first line fails to write: a stand-in for any fault while a response is made. Its
/// message ends in a control character, as an XmlException's quoting the refused character does.
/// </summary>
internal sealed class FailingOnceLog : StringWriter
{
    private int _lines;

    public override void WriteLine(string? value)
    {
        if (Interlocked.Increment(ref _lines) == 1)
        {
            throw new IOException("disk full\u0007");
        }

        base.WriteLine(value);
    }
}
