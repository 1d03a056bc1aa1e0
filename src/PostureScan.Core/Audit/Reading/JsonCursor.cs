using System.Runtime.CompilerServices;
using PostureScan.Core.Audit.Matching;

namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// A position in a <see cref="ByteWindow"/>, and a mark before which nothing may be discarded yet
/// (the start of a top-level object until it is known to be a page or a record).
/// </summary>
internal sealed class JsonCursor(ByteWindow window, int maxDepth)
{
    public long Position { get; set; }

    /// <summary>The oldest offset still needed, or -1.</summary>
    public long Mark { get; set; } = -1;

    /// <summary>True once a resynchronisation ran to the end: the damage is already reported.</summary>
    public bool Exhausted { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    public ValueScan ScanValue(long start, EventNameMatcher names, out bool tooLarge)
    {
        tooLarge = false;
        while (true)
        {
            if (start < window.End || window.Eof)
            {
                var scan = JsonValueScanner.Scan(window.From(start), window.Eof, names, maxDepth);
                if (scan.Status != ScanStatus.NeedMore)
                {
                    return scan;
                }
            }

            if (!window.Fill(KeepFrom(start)) && !window.Eof)
            {
                tooLarge = true;
                return ValueScan.NeedMore;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    public bool SkipWhitespace()
    {
        while (true)
        {
            if (Position >= window.End && !window.Fill(KeepFrom(Position)))
            {
                return false;
            }

            var span = window.From(Position);
            var index = span.IndexOfAnyExcept(" \t\r\n"u8);
            if (index >= 0)
            {
                Position += index;
                return true;
            }

            Position += span.Length;
        }
    }

    public bool StartsWithBom()
    {
        while (window.End - Position < 3 && window.Fill(KeepFrom(Position)))
        {
        }

        return window.End - Position >= 3 && window.From(Position)[..3].SequenceEqual("\uFEFF"u8);
    }

    private long KeepFrom(long position) => Mark >= 0 ? Math.Min(Mark, position) : position;

    /// <summary>
    /// Moves to the next '{' that opens a complete record, so one damaged record does not lose the
    /// rest of a file; complete objects that are not records are passed over whole.
    /// </summary>
    public bool Resync(EventNameMatcher matcher, long from)
    {
        var position = Math.Max(from, Position);
        while (true)
        {
            if (position >= window.End && !window.Fill(position))
            {
                Position = window.End;
                Exhausted = true;
                return false;
            }

            var index = window.From(position).IndexOf((byte)'{');
            if (index < 0)
            {
                position = window.End;
                continue;
            }

            position += index;
            var scan = ScanValue(position, matcher, out var tooLarge);
            if (tooLarge)
            {
                position = OversizeSkipper.Skip(window, position) ?? window.End;
            }
            else if (scan.Status == ScanStatus.Complete && scan.IsObject && scan.HasEventName)
            {
                Position = position;
                return true;
            }
            else
            {
                position += scan.Status == ScanStatus.Complete ? scan.Length : 1;
            }
        }
    }
}
