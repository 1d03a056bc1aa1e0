using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PostureScan.Tests.Cli.Detect;

public sealed class DetectCommandTests : IDisposable
{
    private const string Admin = "arn:aws:iam::444455556666:user/admin";
    private readonly DetectHarness _harness = new();

    [Fact]
    public async Task Jsonl_over_a_directory_of_plain_and_gzip_files_is_newest_first()
    {
        _harness.Write("a/one.json", DetectHarness.CloudTrail(
            ("CreateTrafficMirrorSession", "2025-03-01T10:00:00Z", "e1", Admin),
            ("RunInstances", "2025-03-01T10:05:00Z", "e2", Admin)));
        _harness.Write("a/b/two.json.gz", DetectHarness.CloudTrail(("DeleteTrafficMirrorSession", "2025-03-02T10:00:00Z", "e3", Admin)), gzip: true);

        var (exit, output, error) = await _harness.Run("--format", "jsonl", _harness.Folder);

        Assert.Equal(0, exit);
        var ids = output.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventId").GetString());
        Assert.Equal(["e3", "e1"], ids);
        Assert.Contains("2 input(s), 3 record(s) read, 2 matched", error, StringComparison.Ordinal);
        Assert.Contains("one.json: 2 read, 1 matched, 0 malformed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_input_exits_3_names_the_file_and_position_and_reports_the_rest()
    {
        var good = _harness.Write("good.json", DetectHarness.CloudTrail(("CreateTrafficMirrorTarget", "2025-03-01T10:00:00Z", "e1", Admin)));
        var bad = _harness.Write("bad.json", "{\"Records\":[{\"eventName\":\"CreateTrafficMirrorSession\",\"eventTime\":}]}");

        var (exit, output, error) = await _harness.Run("--format", "jsonl", good, bad);

        Assert.Equal(3, exit);
        Assert.Contains("\"eventId\":\"e1\"", output, StringComparison.Ordinal);
        Assert.Contains("bad.json: 1 read, 0 matched, 1 malformed", error, StringComparison.Ordinal);
        Assert.Contains("malformed record 1 (byte ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-file.json")]
    [InlineData("")]
    public async Task An_unreadable_path_or_no_path_is_a_usage_error(string path)
    {
        var (exit, output, error) = path.Length == 0 ? await _harness.Run() : await _harness.Run(Path.Combine(_harness.Folder, path));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("detect: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_input_is_read_for_a_dash_gzip_or_not()
    {
        var log = Encoding.UTF8.GetBytes(DetectHarness.CloudTrail(("ModifyTrafficMirrorSession", "2025-03-01T10:00:00Z", "e9", Admin)));

        var plain = await _harness.RunWithInput(log, "--format", "jsonl", "-");
        var gzip = await _harness.RunWithInput(DetectHarness.Gzip(log), "--format", "jsonl", "-");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(plain.Output, gzip.Output);
        Assert.Contains("\"input\":{\"file\":\"-\",\"record\":1}", plain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Since_until_and_writes_only_filter_the_report()
    {
        var file = _harness.Write("log.json", DetectHarness.CloudTrail(
            ("CreateTrafficMirrorSession", "2025-03-04T10:00:00Z", "recent-write", Admin),
            ("DescribeTrafficMirrorSessions", "2025-03-04T11:00:00Z", "recent-read", Admin),
            ("DeleteTrafficMirrorSession", "2025-02-01T10:00:00Z", "old", Admin)));

        var relative = await _harness.Run("--format", "jsonl", "--since", "2d", "--writes-only", file);
        var absolute = await _harness.Run("--format", "jsonl", "--since", "2025-02-01", "--until", "2025-03-04T10:30:00Z", file);

        Assert.Equal(0, relative.ExitCode);
        Assert.Contains("recent-write", relative.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("recent-read", relative.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"old\"", relative.Output, StringComparison.Ordinal);
        Assert.Contains("\"old\"", absolute.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("recent-read", absolute.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_time_is_a_usage_error()
    {
        var file = _harness.Write("log.json", DetectHarness.CloudTrail(("CreateTrafficMirrorSession", "2025-03-04T10:00:00Z", "e1", Admin)));

        var (exit, _, error) = await _harness.Run("--since", "last tuesday", file);

        Assert.Equal(2, exit);
        Assert.Contains("--since", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_neutralises_cells_that_would_run_as_formulas()
    {
        var file = _harness.Write("log.json", DetectHarness.CloudTrail(
            ("CreateTrafficMirrorSession", "2025-03-04T10:00:00Z", "e1", "=HYPERLINK(\\\"http://evil.example\\\")"),
            ("DeleteTrafficMirrorSession", "2025-03-04T09:00:00Z", "e2", "@SUM(A1)")));

        var (exit, output, _) = await _harness.Run("--format", "csv", file);

        Assert.Equal(0, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("time,platform,eventName,actor,sourceIp,action,outcome", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",\"'=HYPERLINK(", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"'@SUM(A1)\",", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(",=", output, StringComparison.Ordinal);
        Assert.DoesNotContain(",@", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_neutralises_a_formula_behind_leading_spaces_or_quotes()
    {
        var file = _harness.Write("log.json", DetectHarness.CloudTrail(
            ("CreateTrafficMirrorSession", "2025-03-04T10:00:00Z", "e1", "  =HYPERLINK(1)"),
            ("DeleteTrafficMirrorSession", "2025-03-04T09:00:00Z", "e2", "\\\"@SUM(A1)\\\"")));

        var (exit, output, _) = await _harness.Run("--format", "csv", file);

        Assert.Equal(0, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Contains(",'  =HYPERLINK(1),", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"'\"\"@SUM(A1)\"\"\",", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_shows_control_format_and_separator_characters_as_code_points()
    {
        var file = _harness.Write("log.json", DetectHarness.CloudTrail(
            ("CreateTrafficMirrorSession", "2025-03-04T10:00:00Z", "e1", "mallory\\u001b[2J\\u0007\\u0000 admin\\u202Egnp.exe al\\u200Bice\\u2028\\tx")));

        var (exit, output, _) = await _harness.Run("--format", "csv", file);

        Assert.Equal(0, exit);
        Assert.DoesNotContain(output, c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator && c is not ('\t' or '\r' or '\n'));
        Assert.Contains(",mallory[U+001B][2J[U+0007][U+0000] admin[U+202E]gnp.exe al[U+200B]ice[U+2028]\tx,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_cuts_a_very_long_cell_with_the_marker()
    {
        // Each logged field is read up to 2,048 characters, but one record may name many resources: their cell is one value.
        var arns = Enumerable.Range(0, 40).Select(i => $"arn:aws:ec2:eu-central-1:444455556666:traffic-mirror-session/tms-{i:D4}{new string('a', 1000)}").ToList();
        var resources = string.Join(",", arns.Select(arn => $$"""{"ARN":"{{arn}}"}"""));
        var file = _harness.Write("log.json", DetectHarness.CloudTrail(("DescribeTrafficMirrorSessions", "2025-03-04T10:00:00Z", "e1", Admin))
            .Replace("\"eventID\"", $"\"resources\":[{resources}],\"eventID\"", StringComparison.Ordinal));

        var (exit, output, _) = await _harness.Run("--format", "csv", file);

        Assert.Equal(0, exit);
        var ids = string.Join(' ', arns);
        // The marker's comma makes CSV quote the cell.
        Assert.Contains($",\"{ids[..8_192]}… [truncated, {ids.Length} characters in all]\",e1,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_prints_log_values_literally_without_markup_or_control_characters()
    {
        var file = _harness.Write("log.json", DetectHarness.CloudTrail(
            ("CreateTrafficMirrorSession", "2025-03-04T10:00:00Z", "e1", "[red]mallory\\u001b[2J[/]")));

        var (exit, output, _) = await _harness.Run(file);

        Assert.Equal(0, exit);
        Assert.Contains("CreateTrafficMirrorSession", output, StringComparison.Ordinal);
        Assert.Contains("[red]mallory?[2J[/]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();
}
