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

    private readonly JsonCursor _cursor = new(window, maxDepth);

    public long Records { get; private set; }

    public void Run()
    {
        if (_cursor.SkipWhitespace() && _cursor.StartsWithBom())
        {
            _cursor.Position += 3;
        }

        while (_cursor.SkipWhitespace())
        {
            switch (window.At(_cursor.Position))
            {
                case (byte)'[':
                    _cursor.Position++;
                    StreamArray();
                    break;
                case (byte)'{':
                    TopLevelObject();
                    break;
                default:
                    handler.OnMalformed(_cursor.Position, null, "expected a JSON object or array");
                    _cursor.Resync(matcher, _cursor.Position + 1);
                    break;
            }
        }

        if (window.ReadError is { } error)
        {
            handler.OnMalformed(window.End, null, $"input ends early: {error}");
        }
    }

    /// <summary>
    /// A top-level object is a page when its first keys are envelope keys; otherwise it is a record.
    /// A "record" without an event name is read again as a page whose arrays hold the records, so a
    /// page with an unknown or damaged key still yields its records.
    /// </summary>
    private void TopLevelObject(bool anyArrayHoldsRecords = false)
    {
        var start = _cursor.Position;
        _cursor.Mark = start;
        _cursor.Position++;
        var envelope = anyArrayHoldsRecords;
        var sawArray = false;
        var expectComma = false;
        while (true)
        {
            if (!_cursor.SkipWhitespace())
            {
                _cursor.Mark = -1;
                if (!_cursor.Exhausted)
                {
                    handler.OnMalformed(start, null, "unexpected end of input in an object");
                }

                return;
            }

            var b = window.At(_cursor.Position);
            if (b == (byte)'}')
            {
                _cursor.Position++;
                _cursor.Mark = -1;
                if (anyArrayHoldsRecords && !sawArray)
                {
                    handler.OnMalformed(start, null, "an object that is neither an audit record nor a page of them");
                }

                return;
            }

            if (expectComma)
            {
                if (b != (byte)',')
                {
                    EnvelopeBroken("expected ',' or '}' in an envelope");
                    return;
                }

                _cursor.Position++;
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

            var isArray = window.At(_cursor.Position) == (byte)'[';
            if (isArray && (key == EnvelopeKey.RecordArray || anyArrayHoldsRecords))
            {
                envelope = sawArray = true;
                _cursor.Mark = -1;
                _cursor.Position++;
                StreamArray();
            }
            else if (key == EnvelopeKey.Paging || envelope)
            {
                if (!SkipValue())
                {
                    _cursor.Mark = -1;
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
        var scan = _cursor.ScanValue(_cursor.Position, AnyName, out var tooLarge);
        if (tooLarge || scan.Status != ScanStatus.Complete)
        {
            return null;
        }

        var key = EnvelopeKeys.Classify(window.From(_cursor.Position)[..scan.Length]);
        _cursor.Position += scan.Length;
        if (!_cursor.SkipWhitespace() || window.At(_cursor.Position) != (byte)':')
        {
            return null;
        }

        _cursor.Position++;
        return _cursor.SkipWhitespace() ? key : null;
    }

    private void RecordAtTop(long start)
    {
        _cursor.Mark = -1;
        _cursor.Position = start;
        var scan = _cursor.ScanValue(start, matcher, out var tooLarge);
        if (!tooLarge && scan.Status == ScanStatus.Complete && scan.IsObject && !scan.HasEventName)
        {
            TopLevelObject(anyArrayHoldsRecords: true);
        }
        else if (!RecordAt(start, tooLarge ? null : scan))
        {
            _cursor.Resync(matcher, _cursor.Position + 1);
        }
    }

    private void EnvelopeBroken(string reason)
    {
        _cursor.Mark = -1;
        handler.OnMalformed(_cursor.Position, null, reason);
        _cursor.Resync(matcher, _cursor.Position + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    private void StreamArray()
    {
        var expectComma = false;
        while (_cursor.SkipWhitespace())
        {
            var b = window.At(_cursor.Position);
            if (b == (byte)']')
            {
                _cursor.Position++;
                return;
            }

            if (expectComma)
            {
                if (b == (byte)',')
                {
                    _cursor.Position++;
                    expectComma = false;
                    continue;
                }

                handler.OnMalformed(_cursor.Position, null, "expected ',' or ']' between records");
                if (!_cursor.Resync(matcher, _cursor.Position + 1))
                {
                    return;
                }
            }

            if (RecordAt(_cursor.Position))
            {
                expectComma = true;
            }
            else if (!_cursor.Resync(matcher, _cursor.Position + 1))
            {
                return;
            }
        }

        if (!_cursor.Exhausted)
        {
            handler.OnMalformed(_cursor.Position, null, "unexpected end of input in a record array");
        }
    }

    /// <summary>Reads one record (scanning it unless already scanned); false when it was invalid JSON (already reported).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the slow first JIT tier
    private bool RecordAt(long start, ValueScan? scanned = null)
    {
        var number = ++Records;
        var tooLarge = false;
        var scan = scanned ?? _cursor.ScanValue(start, matcher, out tooLarge);
        if (tooLarge)
        {
            handler.OnMalformed(start, number, $"record larger than {window.MaxBytes} bytes");
            var end = OversizeSkipper.Skip(window, start);
            _cursor.Position = end ?? window.End;
            return true;
        }

        if (scan.Status == ScanStatus.Invalid)
        {
            handler.OnMalformed(start + scan.Length, number, $"invalid JSON: {scan.Error}");
            _cursor.Position = start + scan.Length;
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

        _cursor.Position = start + scan.Length;
        return true;
    }

    private bool SkipValue()
    {
        var scan = _cursor.ScanValue(_cursor.Position, AnyName, out var tooLarge);
        if (tooLarge)
        {
            handler.OnMalformed(_cursor.Position, null, $"envelope value larger than {window.MaxBytes} bytes");
            var end = OversizeSkipper.Skip(window, _cursor.Position);
            _cursor.Position = end ?? window.End;
            return end is not null;
        }

        if (scan.Status != ScanStatus.Complete)
        {
            EnvelopeBroken($"invalid JSON: {scan.Error}");
            return false;
        }

        _cursor.Position += scan.Length;
        return true;
    }
}
