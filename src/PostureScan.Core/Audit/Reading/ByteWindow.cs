using System.Buffers;

namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// A sliding window over a stream. Positions are absolute stream offsets; bytes before the oldest
/// position a caller still needs are discarded on refill, so memory stays bounded by
/// <see cref="MaxBytes"/> whatever the input size.
/// </summary>
internal sealed class ByteWindow : IDisposable
{
    private const int ReadChunk = 256 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _length;

    public ByteWindow(Stream stream, int maxBytes)
    {
        _stream = stream;
        MaxBytes = Math.Max(maxBytes, ReadChunk) + ReadChunk;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(MaxBytes, 4 * ReadChunk));
    }

    public int MaxBytes { get; }

    /// <summary>The stream offset of the first byte held.</summary>
    public long Base { get; private set; }

    /// <summary>The stream offset one past the last byte held.</summary>
    public long End => Base + _length;

    public bool Eof { get; private set; }

    /// <summary>Why reading stopped early (corrupt or truncated compression, I/O error), if it did.</summary>
    public string? ReadError { get; private set; }

    public ReadOnlySpan<byte> From(long offset) => _buffer.AsSpan((int)(offset - Base), (int)(End - offset));

    public byte At(long offset) => _buffer[offset - Base];

    /// <summary>
    /// Reads more bytes, keeping everything from <paramref name="keepFrom"/> on. Returns false at the
    /// end of the input, or when keeping that much would exceed <see cref="MaxBytes"/>.
    /// </summary>
    public bool Fill(long keepFrom)
    {
        if (Eof)
        {
            return false;
        }

        var keep = (int)(End - keepFrom);
        if (keep + ReadChunk > _buffer.Length)
        {
            if (keep + ReadChunk > MaxBytes)
            {
                return false;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxBytes, Math.Max(_buffer.Length * 2, keep + ReadChunk)));
            _buffer.AsSpan((int)(keepFrom - Base), keep).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (keepFrom > Base)
        {
            _buffer.AsSpan((int)(keepFrom - Base), keep).CopyTo(_buffer);
        }

        Base = keepFrom;
        _length = keep;
        var read = ReadSome(_buffer.AsSpan(_length));
        _length += read;
        return read > 0;
    }

    private int ReadSome(Span<byte> into)
    {
        try
        {
            // Fill a whole chunk: decompressors return a few KB per call, and each short read costs a rescan.
            var read = _stream.ReadAtLeast(into, Math.Min(into.Length, ReadChunk), throwOnEndOfStream: false);
            Eof = read == 0;
            return read;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // A truncated or corrupt gzip member ends the input; what was read before it still counts.
            ReadError = e.Message;
            Eof = true;
            return 0;
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
