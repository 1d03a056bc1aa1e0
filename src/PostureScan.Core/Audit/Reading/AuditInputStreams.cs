using System.IO.Compression;

namespace PostureScan.Core.Audit.Reading;

/// <summary>Opens audit inputs, decompressing gzip when the content starts with its magic bytes, whatever the name.</summary>
public static class AuditInputStreams
{
    private const int FileBuffer = 128 * 1024;

    public static Stream OpenFile(string path) =>
        Decompressing(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBuffer, FileOptions.SequentialScan));

    /// <summary>Wraps <paramref name="stream"/> in a gzip decompressor when it starts with 1f 8b; takes ownership.</summary>
    public static Stream Decompressing(Stream stream)
    {
        var magic = new byte[2];
        var read = 0;
        while (read < magic.Length && stream.Read(magic, read, magic.Length - read) is var n and > 0)
        {
            read += n;
        }

        Stream rest;
        if (stream.CanSeek)
        {
            stream.Seek(-read, SeekOrigin.Current);
            rest = stream;
        }
        else
        {
            rest = new PrefixedStream(magic, read, stream);
        }

        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(rest, CompressionMode.Decompress) : rest;
    }
}
