using System.IO.Compression;
using System.Text;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Core.Tests.Audit;

/// <summary>Line-oriented formats are recognised by content and read line by line beside the JSON logs.</summary>
public sealed class TextFormatReadingTests
{
    private static readonly AuditReaderOptions Options = AuditReaderOptions.Default with { TextFormats = [new KeyValueFormat()] };

    private static (AuditReadResult Result, List<AuditEvent> Events) Read(byte[] bytes)
    {
        var events = new List<AuditEvent>();
        var result = new AuditLogReader(EventNameMatcher.Mirror, Options).Read(new MemoryStream(bytes), AuditInput.FromFile("input", 0), events.Add);
        return (result, events);
    }

    [Fact]
    public void A_text_input_goes_to_the_format_that_recognises_its_first_line()
    {
        var (result, events) = Read(Encoding.UTF8.GetBytes("\n\nkv mirror=a\r\nkv other=b\nkv mirror=c"));

        Assert.Equal(["a", "c"], events.Select(e => e.EventName));
        Assert.Equal([3L, 5L], events.Select(e => e.Input.Record!.Value)); // line numbers, blank lines included
        Assert.Equal((3L, 2L, 0L), (result.Records, result.Matched, result.MalformedCount));
    }

    [Fact]
    public void Lines_of_another_shape_in_a_text_input_are_counted_malformed_with_their_line_number()
    {
        var (result, events) = Read(Encoding.UTF8.GetBytes("kv mirror=a\ngarbage\nkv mirror=b\n"));

        Assert.Equal(2, events.Count);
        Assert.Equal(2L, Assert.Single(result.Malformed).Record);
    }

    [Fact]
    public void An_overlong_line_is_skipped_without_being_held_and_reading_goes_on()
    {
        var text = "kv mirror=a\nkv mirror=" + new string('x', AuditReaderOptions.MaxLineBytes + 10) + "\nkv mirror=b\n";

        var (result, events) = Read(Encoding.UTF8.GetBytes(text));

        Assert.Equal(["a", "b"], events.Select(e => e.EventName));
        Assert.Contains("longer than", Assert.Single(result.Malformed).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_text_is_read_like_plain_text()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("kv mirror=z\n"));
        }

        var events = new List<AuditEvent>();
        using var stream = AuditInputStreams.Decompressing(new MemoryStream(packed.ToArray()));
        new AuditLogReader(EventNameMatcher.Mirror, Options).Read(stream, AuditInput.FromFile("input.gz", 0), events.Add);

        Assert.Equal("z", Assert.Single(events).EventName);
    }

    [Fact]
    public void Json_inputs_still_go_to_the_json_reader()
    {
        const string json = """{"Records":[{"eventVersion":"1.08","eventName":"CreateTrafficMirrorSession","eventTime":"2026-01-02T03:04:05Z","recipientAccountId":"111122223333","awsRegion":"us-east-1","eventID":"e1"}]}""";

        var (_, events) = Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(AuditPlatform.Aws, Assert.Single(events).Platform);
    }

    [Fact]
    public void Text_that_no_format_recognises_is_malformed_as_before()
    {
        var (result, events) = Read(Encoding.UTF8.GetBytes("hello world\n"));

        Assert.Empty(events);
        Assert.True(result.HasMalformed);
    }

    /// <summary>A tiny format: lines "kv key=value"; "mirror=" values are events, named by the value.</summary>
    private sealed class KeyValueFormat : ITextAuditFormat
    {
        public bool Recognises(string line) => line.StartsWith("kv ", StringComparison.Ordinal);

        public ITextAuditReader Open(AuditInput input) => new Reader(input);

        private sealed class Reader(AuditInput input) : ITextAuditReader
        {
            public bool Read(string line, long lineNumber, Action<AuditEvent> onEvent)
            {
                if (!line.StartsWith("kv ", StringComparison.Ordinal))
                {
                    return false;
                }

                if (line.StartsWith("kv mirror=", StringComparison.Ordinal))
                {
                    onEvent(new AuditEvent(DateTimeOffset.UnixEpoch, AuditPlatform.Cisco, line["kv mirror=".Length..], AuditEvent.Unknown, AuditEvent.Unknown,
                        AuditAction.Create, AuditOutcome.Success, null, null, "dev", null, [], null, null, null, null, input with { Record = lineNumber }));
                }

                return true;
            }

            public void Complete(Action<AuditEvent> onEvent)
            {
            }
        }
    }
}
