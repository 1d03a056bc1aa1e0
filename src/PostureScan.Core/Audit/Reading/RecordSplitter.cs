using System.Runtime.CompilerServices;
using PostureScan.Core.Audit.Matching;

namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Finds the records in a stream of JSON, whatever its envelope: a sequence of top-level values
/// (one per line, or concatenated), each either a record, an array of records, or an object whose
/// record array is under one of <see cref="EnvelopeKeys"/>. Each record is scanned once; only
/// candidates are handed on. After malformed input it resynchronises on the next complete record.
/// </summary>
internal sealed class RecordSplitter(ByteWindow window, EventNameMatcher matcher, IRecordHandler handler, int maxDepth)
{
    private static readonly EventNameMatcher AnyName = EventNameMatcher.Any;

    private long _position;
    private long _mark = -1;

    public long Records { get; private set; }

    public void Run()
    {
        if (SkipWhitespace() && StartsWithBom())
        {
            _position += 3;
        }

        while (SkipWhitespace())
        {
            switch (window.At(_position))
            {
                case (byte)'[':
                    _position++;
                    StreamArray();
                    break;
                case (byte)'{':
                    TopLevelObject();
                    break;
                default:
                    handler.OnMalformed(_position, null, "expected a JSON object or array");
                    Resync(_position + 1);
                    break;
            }
        }

        if (window.ReadError is { } error)
        {
            handler.OnMalformed(window.End, null, $"input ends early: {error}");
        }
    }

    private void TopLevelObject()
    {
        var start = _position;
        _mark = start;
        _position++;
        var envelope = false;
        var expectComma = false;
        while (true)
        {
            if (!SkipWhitespace())
            {
                _mark = -1;
                handler.OnMalformed(start, null, "unexpected end of input in an object");
                return;
            }

            var b = window.At(_position);
            if (b == (byte)'}')
            {
                _position++;
                _mark = -1;
                return;
            }

            if (expectComma)
            {
                if (b != (byte)',')
                {
                    EnvelopeBroken("expected ',' or '}' in an envelope");
                    return;
                }

                _position++;
                expectComma = false;
                continue;
            }

            var key = b == (byte)'"' ? ReadKey() : (EnvelopeKey?)null;
            if (key is null)
            {
                if (envelope)
                {
                    EnvelopeBroken("expected a property name in an envelope");
                    return;
                }

                RecordAtTop(start);
                return;
            }

            if (key == EnvelopeKey.RecordArray && window.At(_position) == (byte)'[')
            {
                envelope = true;
                _mark = -1;
                _position++;
                StreamArray();
            }
            else if (key == EnvelopeKey.Paging || envelope)
            {
                if (!SkipValue())
                {
                    _mark = -1;
                    return;
                }
            }
            else
            {
                RecordAtTop(start);
                return;
            }

            expectComma = true;
        }
    }

    /// <summary>Reads <c>"name"</c> and the colon after it; null when that is not what follows.</summary>
    private EnvelopeKey? ReadKey()
    {
        var scan = ScanValue(_position, AnyName, out var tooLarge);
        if (tooLarge || scan.Status != ScanStatus.Complete)
        {
            return null;
        }

        var key = EnvelopeKeys.Classify(window.From(_position)[..scan.Length]);
        _position += scan.Length;
        if (!SkipWhitespace() || window.At(_position) != (byte)':')
        {
            return null;
        }

        _position++;
        return SkipWhitespace() ? key : null;
    }

    private void RecordAtTop(long start)
    {
        _mark = -1;
        _position = start;
        if (!RecordAt(start))
        {
            Resync(_position + 1);
        }
    }

    private void EnvelopeBroken(string reason)
    {
        _mark = -1;
        handler.OnMalformed(_position, null, reason);
        Resync(_position + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    private void StreamArray()
    {
        var expectComma = false;
        while (SkipWhitespace())
        {
            var b = window.At(_position);
            if (b == (byte)']')
            {
                _position++;
                return;
            }

            if (expectComma)
            {
                if (b == (byte)',')
                {
                    _position++;
                    expectComma = false;
                    continue;
                }

                handler.OnMalformed(_position, null, "expected ',' or ']' between records");
                if (!Resync(_position + 1))
                {
                    return;
                }
            }

            if (RecordAt(_position))
            {
                expectComma = true;
            }
            else if (!Resync(_position + 1))
            {
                return;
            }
        }

        handler.OnMalformed(_position, null, "unexpected end of input in a record array");
    }

    /// <summary>Reads one record; false when it was invalid JSON (already reported).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    private bool RecordAt(long start)
    {
        var number = ++Records;
        var scan = ScanValue(start, matcher, out var tooLarge);
        if (tooLarge)
        {
            handler.OnMalformed(start, number, $"record larger than {window.MaxBytes} bytes");
            var end = OversizeSkipper.Skip(window, start);
            _position = end ?? window.End;
            return true;
        }

        if (scan.Status == ScanStatus.Invalid)
        {
            handler.OnMalformed(start + scan.Length, number, $"invalid JSON: {scan.Error}");
            _position = start + scan.Length;
            return false;
        }

        if (!scan.IsObject)
        {
            handler.OnMalformed(start, number, "record is not a JSON object");
        }
        else if (!scan.HasEventName)
        {
            handler.OnMalformed(start, number, "record has no event name (eventName, operationName or protoPayload.methodName)");
        }
        else if (scan.Candidate)
        {
            handler.OnCandidate(window.From(start)[..scan.Length], number, start);
        }

        _position = start + scan.Length;
        return true;
    }

    /// <summary>
    /// Moves to the next '{' that opens a complete record, so one damaged record does not lose the
    /// rest of a file; complete objects that are not records are passed over whole.
    /// </summary>
    private bool Resync(long from)
    {
        var position = Math.Max(from, _position);
        while (true)
        {
            if (position >= window.End && !window.Fill(position))
            {
                _position = window.End;
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
                _position = position;
                return true;
            }
            else
            {
                position += scan.Status == ScanStatus.Complete ? scan.Length : 1;
            }
        }
    }

    private bool SkipValue()
    {
        var scan = ScanValue(_position, AnyName, out var tooLarge);
        if (tooLarge)
        {
            handler.OnMalformed(_position, null, $"envelope value larger than {window.MaxBytes} bytes");
            var end = OversizeSkipper.Skip(window, _position);
            _position = end ?? window.End;
            return end is not null;
        }

        if (scan.Status != ScanStatus.Complete)
        {
            EnvelopeBroken($"invalid JSON: {scan.Error}");
            return false;
        }

        _position += scan.Length;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    private ValueScan ScanValue(long start, EventNameMatcher names, out bool tooLarge)
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
    private bool SkipWhitespace()
    {
        while (true)
        {
            if (_position >= window.End && !window.Fill(KeepFrom(_position)))
            {
                return false;
            }

            var span = window.From(_position);
            var index = span.IndexOfAnyExcept(" \t\r\n"u8);
            if (index >= 0)
            {
                _position += index;
                return true;
            }

            _position += span.Length;
        }
    }

    private bool StartsWithBom()
    {
        while (window.End - _position < 3 && window.Fill(KeepFrom(_position)))
        {
        }

        return window.End - _position >= 3 && window.From(_position)[..3].SequenceEqual("\uFEFF"u8);
    }

    private long KeepFrom(long position) => _mark >= 0 ? Math.Min(_mark, position) : position;
}
