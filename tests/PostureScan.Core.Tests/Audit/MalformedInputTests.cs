using System.Text;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Core.Tests.Audit;

/// <summary>Bad input is counted with its position; the rest is still read; nothing throws.</summary>
public sealed class MalformedInputTests
{
    private static string Record(string name, string id) =>
        $$"""{"eventVersion":"1.10","eventTime":"2025-03-02T08:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"{{name}}","sourceIPAddress":"203.0.113.1","eventID":"{{id}}"}""";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Invalid_json_in_one_record_of_an_array_loses_only_that_record()
    {
        var text = $$"""{"Records":[{{Record("CreateTrafficMirrorSession", "a")}},{"eventName":"CreateTrafficMirrorTarget","eventTime":tru},{{Record("DeleteTrafficMirrorSession", "c")}}]}""";

        var (result, events) = AuditFixtures.ReadBytes(Utf8(text));

        Assert.Equal(1, result.MalformedCount);
        Assert.Equal(2, result.Malformed[0].Record);
        Assert.InRange(result.Malformed[0].Offset, text.IndexOf("tru}", StringComparison.Ordinal) - 20, text.IndexOf("tru}", StringComparison.Ordinal) + 4);
        Assert.Equal(["a", "c"], events.Select(e => e.EventId));
    }

    [Fact]
    public void A_broken_line_of_line_delimited_json_loses_only_that_line()
    {
        var text = $"{Record("CreateTrafficMirrorSession", "a")}\n{{\"eventName\":\"CreateTraff\n{Record("DeleteTrafficMirrorSession", "c")}\n";

        var (result, events) = AuditFixtures.ReadBytes(Utf8(text));

        Assert.Equal(1, result.MalformedCount);
        Assert.Equal(["a", "c"], events.Select(e => e.EventId));
    }

    [Fact]
    public void Truncated_gzip_reports_the_early_end_and_keeps_what_came_before()
    {
        var records = string.Join(",", Enumerable.Range(0, 2000).Select(i => Record("CreateTrafficMirrorSession", $"id{i}")));
        var gzip = AuditFixtures.Gzip(Utf8($$"""{"Records":[{{records}}]}"""));

        var (result, events) = AuditFixtures.ReadBytes(gzip[..(gzip.Length / 2)]);

        Assert.True(result.MalformedCount >= 1);
        Assert.InRange(events.Count, 1, 1999);
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => $"id{i}"), events.Select(e => e.EventId));
    }

    [Theory]
    [InlineData("""{"Records":[42,"text",null]}""", 3)]
    [InlineData("""{"Records":[{"eventVersion":"1.10","eventName":7}]}""", 1)]
    [InlineData("""{"Records":[{"eventVersion":"1.10","eventName":"CreateTrafficMirrorSession"}]}""", 1)]
    [InlineData("""{"Records":[{"eventVersion":"1.10","eventName":"CreateTrafficMirrorSession","eventTime":"yesterday"}]}""", 1)]
    [InlineData("""{"Events":[{"EventName":"CreateTrafficMirrorSession","CloudTrailEvent":"{not json"}]}""", 1)]
    [InlineData("""<html>not a log</html>""", 1)]
    public void Records_of_the_wrong_shape_are_malformed(string text, int malformed)
    {
        var (result, events) = AuditFixtures.ReadBytes(Utf8(text));

        Assert.Equal(malformed, result.MalformedCount);
        Assert.Empty(events);
    }

    [Fact]
    public void A_50_MB_string_is_skipped_without_holding_it_and_the_next_record_is_read()
    {
        var head = Utf8("""{"Records":[{"eventVersion":"1.10","eventName":"CreateTrafficMirrorSession","userAgent":" """);
        var tail = Utf8($$"""
            "},{{Record("DeleteTrafficMirrorSession", "after")}}]}
            """);
        var data = new byte[head.Length + (50 << 20) + tail.Length];
        head.CopyTo(data, 0);
        data.AsSpan(head.Length, 50 << 20).Fill((byte)'x');
        tail.CopyTo(data, data.Length - tail.Length);
        var options = new AuditReaderOptions(MaxRecordBytes: 1 << 20);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var (result, events) = AuditFixtures.ReadBytes(data, options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1, result.MalformedCount);
        Assert.Contains("larger than", result.Malformed[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["after"], events.Select(e => e.EventId));
        Assert.True(allocated < 16 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Nesting_10000_deep_is_malformed_not_a_stack_overflow()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var text = $$"""{"Records":[{"eventName":"CreateTrafficMirrorSession","x":{{deep}}},{{Record("DeleteTrafficMirrorSession", "after")}}]}""";

        var (result, events) = AuditFixtures.ReadBytes(Utf8(text));

        Assert.True(result.MalformedCount >= 1);
        Assert.Contains(result.Malformed, m => m.Record == 1);
        Assert.Equal(["after"], events.Select(e => e.EventId));
    }

    [Fact]
    public void Invalid_utf8_in_a_matched_record_is_malformed()
    {
        var bytes = Utf8($"{{\"Records\":[{Record("CreateTrafficMirrorSession", "bad")},{Record("DeleteTrafficMirrorSession", "good")}]}}");
        var at = Encoding.UTF8.GetString(bytes).IndexOf("203.0.113.1", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28; // an invalid two-byte sequence

        var (result, events) = AuditFixtures.ReadBytes(bytes);

        Assert.Equal(1, result.MalformedCount);
        Assert.Equal(["good"], events.Select(e => e.EventId));
    }
}
