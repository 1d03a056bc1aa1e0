namespace PostureScan.Tests.Cli.Detect;

/// <summary>
/// An unpaired surrogate escape ("\ud800") is valid JSON in a field the caller controls; <c>detect</c>
/// still reports the call, the surrogate read as U+FFFD, instead of dropping the record as malformed.
/// </summary>
public sealed class LoneSurrogateDetectTests : IDisposable
{
    private const string Mallory = "arn:aws:iam::444455556666:user/mallory";

    private const string Record =
        """{"eventVersion":"1.10","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::444455556666:user/mallory","accountId":"444455556666"},"eventTime":"2025-03-04T10:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"CreateTrafficMirrorSession","awsRegion":"eu-central-1","sourceIPAddress":"203.0.113.9","userAgent":"USER_AGENT","requestParameters":{"CreateTrafficMirrorSessionRequest":{"NetworkInterfaceId":"eni-0123456789abcdef0","TagSpecification":{"ResourceType":"traffic-mirror-session","Tag":{"Key":"Name","Value":"TAG_VALUE"}}}},"eventID":"EVENT_ID","recipientAccountId":"444455556666"}""";

    private readonly DetectHarness _harness = new();

    private static string CloudTrail(string id, string userAgent, string tagValue) =>
        Record.Replace("EVENT_ID", id, StringComparison.Ordinal)
            .Replace("USER_AGENT", userAgent, StringComparison.Ordinal)
            .Replace("TAG_VALUE", tagValue, StringComparison.Ordinal);

    [Fact]
    public async Task A_user_agent_with_an_unpaired_surrogate_no_longer_hides_a_mirror_session()
    {
        var file = _harness.Write("trail.json", "{\"Records\":[" + CloudTrail("hidden", @"aws-cli/2.22.4\ud800", "prod") + "]}");

        var (exit, output, error) = await _harness.Run("--format", "csv", file);

        Assert.Equal(0, exit);
        var row = Assert.Single(output.TrimEnd('\n').Split('\n').Skip(1));
        Assert.Contains("CreateTrafficMirrorSession", row, StringComparison.Ordinal);
        Assert.Contains(Mallory, row, StringComparison.Ordinal);
        Assert.Contains(",aws-cli/2.22.4\uFFFD,", row, StringComparison.Ordinal);
        Assert.Contains("trail.json: 1 read, 1 matched, 0 malformed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_value_with_an_unpaired_surrogate_no_longer_hides_a_mirror_session_in_a_records_file_or_a_LookupEvents_page()
    {
        _harness.Write("trail.json", "{\"Records\":[" + CloudTrail("in-records", "aws-cli", @"x\ud800") + "]}");
        // In a LookupEvents page the record is one JSON string, so the page's own escape spells the surrogate.
        var inner = CloudTrail("in-lookup", "aws-cli", "TAG_VALUE").Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("TAG_VALUE", @"x\udfff", StringComparison.Ordinal);
        _harness.Write("lookup.json", $$"""{"Events":[{"EventId":"in-lookup","EventName":"CreateTrafficMirrorSession","CloudTrailEvent":"{{inner}}"}]}""");

        var (exit, output, error) = await _harness.Run("--format", "jsonl", _harness.Folder);

        Assert.Equal(0, exit);
        Assert.Contains("\"eventId\":\"in-records\"", output, StringComparison.Ordinal);
        Assert.Contains("\"eventId\":\"in-lookup\"", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split(Mallory).Length - 1);
        Assert.Contains("2 input(s), 2 record(s) read, 2 matched, 2 reported, 0 malformed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_an_unpaired_surrogate_neither_stops_detect_nor_hides_the_record()
    {
        var renamed = CloudTrail("odd-key", "aws-cli", "prod").Replace("{\"eventVersion\"", "{\"\\ud800\":1,\"eventVersion\"", StringComparison.Ordinal);
        var file = _harness.Write("trail.jsonl", renamed + "\n" + CloudTrail("after", "aws-cli", "prod") + "\n");

        var (exit, output, error) = await _harness.Run("--format", "jsonl", file);

        Assert.Equal(0, exit);
        Assert.Contains("\"eventId\":\"odd-key\"", output, StringComparison.Ordinal);
        Assert.Contains("\"eventId\":\"after\"", output, StringComparison.Ordinal);
        Assert.Contains("trail.jsonl: 2 read, 2 matched, 0 malformed", error, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();
}
