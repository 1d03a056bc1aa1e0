using System.Globalization;
using System.Text;
using System.Text.Json;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Output;

namespace PostureScan.Core.Tests.Audit;

/// <summary>The <c>detect --format jsonl</c> contract of DESIGN.md, field by field.</summary>
public sealed class JsonlContractTests
{
    private static readonly string[] Fields =
        ["time", "platform", "eventName", "actor", "sourceIp", "action", "outcome", "scope", "region", "resourceIds", "eventId", "input"];

    private static List<JsonElement> Lines(IEnumerable<AuditEvent> events)
    {
        using var output = new MemoryStream();
        AuditJsonlWriter.Write(output, events);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return [.. text.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    [Fact]
    public void Each_line_is_one_object_with_the_contract_fields_in_order()
    {
        var (_, events) = AuditFixtures.ReadFile("aws/cloudtrail-s3-delivery.json");

        var lines = Lines(events);

        Assert.Equal(events.Count, lines.Count);
        Assert.All(lines, line => Assert.Equal(Fields, line.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void A_failed_console_create_is_written_field_by_field()
    {
        var (_, events) = AuditFixtures.ReadFile("aws/cloudtrail-s3-delivery.json");
        var line = Lines([AuditFixtures.Single(events, "e1000000-0000-4000-8000-000000000004")])[0];

        Assert.Equal("2025-03-02T09:20:44Z", line.GetProperty("time").GetString());
        Assert.Equal("AWS", line.GetProperty("platform").GetString());
        Assert.Equal("CreateTrafficMirrorSession", line.GetProperty("eventName").GetString());
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/NetworkOps/jdoe", line.GetProperty("actor").GetString());
        Assert.Equal("AWS Internal", line.GetProperty("sourceIp").GetString());
        Assert.Equal("create", line.GetProperty("action").GetString());
        Assert.Equal("failure", line.GetProperty("outcome").GetString());
        Assert.Equal("444455556666", line.GetProperty("scope").GetString());
        Assert.Equal("eu-central-1", line.GetProperty("region").GetString());
        Assert.Equal(JsonValueKind.Array, line.GetProperty("resourceIds").ValueKind);
        Assert.Equal(0, line.GetProperty("resourceIds").GetArrayLength());
        Assert.Equal("e1000000-0000-4000-8000-000000000004", line.GetProperty("eventId").GetString());
        var input = line.GetProperty("input");
        Assert.EndsWith("cloudtrail-s3-delivery.json", input.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, input.GetProperty("record").GetInt64());
    }

    [Fact]
    public void Azure_times_keep_their_fraction_in_UTC_and_GCP_names_their_platform()
    {
        var (_, azure) = AuditFixtures.ReadFile("azure/activity-rest-page.json");
        var (_, gcp) = AuditFixtures.ReadFile("gcp/entries-list-page.json");
        var lines = Lines(DetectionResults.Arrange([.. azure, .. gcp], AuditEventFilter.All));

        var write = lines.Single(l => l.GetProperty("eventName").GetString() == "Microsoft.Network/virtualNetworkTaps/write");
        Assert.Equal("2025-03-03T11:00:01.1Z", write.GetProperty("time").GetString());
        Assert.Equal("Azure", write.GetProperty("platform").GetString());
        Assert.Equal("create", write.GetProperty("action").GetString());
        Assert.Contains(lines, l => l.GetProperty("platform").GetString() == "GCP" && l.GetProperty("outcome").GetString() == "failure");
    }

    [Fact]
    public void Absent_source_and_actor_are_unknown_and_absent_scope_is_null()
    {
        var record = """{"Records":[{"eventVersion":"1.10","eventTime":"2025-03-02T08:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"DeleteTrafficMirrorFilter"}]}""";
        var (_, events) = AuditFixtures.ReadBytes(Encoding.UTF8.GetBytes(record));

        var line = Lines(events).Single();

        Assert.Equal("unknown", line.GetProperty("sourceIp").GetString());
        Assert.Equal("unknown", line.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("scope").ValueKind);
        Assert.Equal(JsonValueKind.Null, line.GetProperty("region").ValueKind);
        Assert.Equal(JsonValueKind.Null, line.GetProperty("eventId").ValueKind);
    }

    [Fact]
    public void Hostile_strings_stay_inside_their_JSON_string()
    {
        var record = """{"Records":[{"eventVersion":"1.10","eventTime":"2025-03-02T08:00:00Z","eventName":"CreateTrafficMirrorSession","sourceIPAddress":"1.2.3.4\"},{\"x\":\"\n","userIdentity":{"arn":"<script>\u0000"}}]}""";
        var (_, events) = AuditFixtures.ReadBytes(Encoding.UTF8.GetBytes(record));

        var line = Lines(events).Single();

        Assert.Equal("1.2.3.4\"},{\"x\":\"\n", line.GetProperty("sourceIp").GetString());
        Assert.Equal("<script>\0", line.GetProperty("actor").GetString());
    }

    [Fact]
    public void A_value_over_the_bound_is_cut_with_the_marker()
    {
        var actor = "arn:aws:iam::444455556666:user/" + new string('a', 100 * 1024);
        var audit = new AuditEvent(new DateTimeOffset(2025, 3, 2, 8, 0, 0, TimeSpan.Zero), AuditPlatform.Aws, "CreateTrafficMirrorSession",
            actor, "203.0.113.9", AuditAction.Create, AuditOutcome.Success, null, null, "444455556666", "eu-central-1",
            [new string('r', 20_000)], "e1", null, null, null, AuditInput.FromFile("log.json", 1));

        var line = Lines([audit]).Single();

        var marker = $"… [truncated, {actor.Length} characters in all]";
        Assert.Equal(actor[..8_192] + marker, line.GetProperty("actor").GetString());
        Assert.Equal(new string('r', 8_192) + "… [truncated, 20000 characters in all]", line.GetProperty("resourceIds")[0].GetString());
    }

    [Fact]
    public void Control_format_and_separator_characters_are_escaped_and_read_back_exactly()
    {
        // A right-to-left override, zero-width and bidi marks, a soft hyphen, a byte order mark, line and
        // paragraph separators, NEL and ESC: every one reaches the line as a \u escape, none as itself.
        var record = """{"Records":[{"eventVersion":"1.10","eventTime":"2025-03-02T08:00:00Z","eventName":"CreateTrafficMirrorSession","userIdentity":{"arn":"admin\u202Egnp.exe \u200Bal\u200Dice\u00AD\uFEFF\u061C \u2028\u2029\u0085\u001b[2J"}}]}""";
        var (_, events) = AuditFixtures.ReadBytes(Encoding.UTF8.GetBytes(record));
        using var output = new MemoryStream();

        AuditJsonlWriter.Write(output, events);

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain(text.TrimEnd('\n'), c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
        Assert.Contains("admin\\u202Egnp.exe", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            "admin\u202Egnp.exe \u200Bal\u200Dice\u00AD\uFEFF\u061C \u2028\u2029\u0085\u001b[2J",
            JsonDocument.Parse(text).RootElement.GetProperty("actor").GetString());
    }
}
