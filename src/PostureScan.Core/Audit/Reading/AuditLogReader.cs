using System.Text.Json;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Normalising;

namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Reads audit records from a stream, one at a time and never the whole input at once, recognising
/// the format from the content: CloudTrail (<c>{"Records":[...]}</c>, LookupEvents pages, one event
/// per line), Azure Activity Log (export <c>{"records":[...]}</c> or one per line, REST
/// <c>{"value":[...]}</c>) and GCP LogEntry (array, <c>{"entries":[...]}</c>, one per line).
/// Only records whose event name the matcher accepts are parsed and normalised. Inputs that are not
/// JSON go to the first of <see cref="AuditReaderOptions.TextFormats"/> that recognises their first
/// line (device syslog, TACACS+ accounting). Live sources feed each API page through <see cref="Read"/>.
/// </summary>
public sealed class AuditLogReader(EventNameMatcher matcher, AuditReaderOptions? options = null)
{
    private readonly AuditReaderOptions _options = options ?? AuditReaderOptions.Default;

    /// <summary>Reads a file (gzip or not).</summary>
    public AuditReadResult ReadFile(string path, Action<AuditEvent> onEvent)
    {
        using var stream = AuditInputStreams.OpenFile(path);
        return Read(stream, AuditInput.FromFile(path, 0), onEvent);
    }

    /// <summary>
    /// Reads a stream that is already decompressed (see <see cref="AuditInputStreams.Decompressing"/>).
    /// <paramref name="source"/> names the input; each event's <see cref="AuditEvent.Input"/> is it with the record number.
    /// Malformed input is counted, never thrown; only I/O errors other than corrupt compression propagate.
    /// </summary>
    public AuditReadResult Read(Stream stream, AuditInput source, Action<AuditEvent> onEvent)
    {
        if (_options.TextFormats is { Count: > 0 } formats && TextInputSniffer.Sniff(ref stream, formats) is { } format)
        {
            return ReadText(stream, source, format, onEvent);
        }

        var handler = new Handler(matcher, source, onEvent, _options);
        using var window = new ByteWindow(stream, _options.MaxRecordBytes);
        var splitter = new RecordSplitter(window, matcher, handler, _options.MaxDepth);
        splitter.Run();
        return new AuditReadResult(source.File ?? source.Api ?? "", splitter.Records, handler.Matched, handler.MalformedCount, handler.Malformed);
    }

    private AuditReadResult ReadText(Stream stream, AuditInput source, ITextAuditFormat format, Action<AuditEvent> onEvent)
    {
        var reader = format.Open(source);
        long records = 0, matched = 0, malformedCount = 0;
        var malformed = new List<MalformedInput>();
        void Emit(AuditEvent e)
        {
            matched++;
            onEvent(e);
        }

        void Malformed(TextLine line, string reason)
        {
            if (++malformedCount <= _options.MaxMalformedListed)
            {
                malformed.Add(new MalformedInput(line.Offset, line.Number, reason));
            }
        }

        var last = new TextLine(null, 0, 0);
        try
        {
            foreach (var line in new TextLineSplitter(stream, AuditReaderOptions.MaxLineBytes).Lines())
            {
                last = line;
                if (line.Text is null)
                {
                    Malformed(line, $"line longer than {AuditReaderOptions.MaxLineBytes} bytes");
                }
                else if (!string.IsNullOrWhiteSpace(line.Text))
                {
                    if (reader.Read(line.Text, line.Number, Emit))
                    {
                        records++;
                    }
                    else
                    {
                        Malformed(line, "not a record of the log format of this input");
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // A truncated or corrupt gzip member ends the input; the lines before it still count.
            Malformed(last with { Number = last.Number + 1 }, $"input ends early: {e.Message}");
        }

        reader.Complete(Emit);
        return new AuditReadResult(source.File ?? source.Api ?? "", records, matched, malformedCount, malformed);
    }

    private sealed class Handler(EventNameMatcher matcher, AuditInput source, Action<AuditEvent> onEvent, AuditReaderOptions options) : IRecordHandler
    {
        public long Matched { get; private set; }

        public long MalformedCount { get; private set; }

        public List<MalformedInput> Malformed { get; } = [];

        public void OnCandidate(ReadOnlySpan<byte> json, long record, long offset)
        {
            var bytes = json.ToArray();
            AuditEvent? audit;
            string? error;
            try
            {
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
                audit = AuditRecordNormaliser.Normalise(document.RootElement, bytes, source with { Record = record }, options.KeepRawJson, out error);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
            {
                // Invalid UTF-8 inside a string surfaces only when the string is read.
                audit = null;
                error = e.Message;
            }

            if (audit is null)
            {
                OnMalformed(offset, record, error ?? "unreadable record");
                return;
            }

            if (matcher.Matches(audit.EventName))
            {
                Matched++;
                onEvent(audit);
            }
        }

        public void OnMalformed(long offset, long? record, string reason)
        {
            MalformedCount++;
            if (Malformed.Count < options.MaxMalformedListed)
            {
                Malformed.Add(new MalformedInput(offset, record, reason.Length <= 300 ? reason : reason[..300]));
            }
        }
    }
}
