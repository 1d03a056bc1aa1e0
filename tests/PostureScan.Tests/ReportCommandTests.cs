using System.Text.Json;
using PostureScan.TestKit;

namespace PostureScan.Tests;

/// <summary>report, export and diff through the executable, on the demo's store with its hostile mirror.</summary>
public sealed class ReportCommandTests
{
    private static readonly string LongTag = string.Concat(Enumerable.Repeat("0123456789abcdef", 6400));

    [Fact]
    public async Task Every_format_is_written_from_the_demo_store_and_stays_safe()
    {
        using var dir = new TemporaryDirectory();
        var (demoExit, _, demoErr) = await CliProcess.RunAsync(dir.Path, "demo", "--out", dir.File("demo"));
        Assert.True(demoExit == 0, demoErr);
        var db = dir.File("demo/posturescan.db");

        foreach (var (command, format) in new[] { ("report", "html"), ("report", "md"), ("report", "json"), ("export", "csv"), ("export", "json"), ("export", "ocsf"), ("export", "asff") })
        {
            var output = dir.File($"{command}.{format}");
            var (exit, _, err) = await CliProcess.RunAsync(dir.Path, command, "--format", format, "--out", output, "--db", db);
            Assert.True(exit == 0, err);
            var text = await File.ReadAllTextAsync(output);
            Assert.DoesNotContain(LongTag, text, StringComparison.Ordinal);
            if ((command, format) is ("report", "html") or ("export", "csv") or ("export", "json") or ("export", "ocsf"))
            {
                Assert.Contains("[truncated, ", text, StringComparison.Ordinal);
            }
            if (format is "json" or "ocsf" or "asff")
            {
                using var _ = JsonDocument.Parse(text);
            }
        }

        var html = await File.ReadAllTextAsync(dir.File("report.html"));
        Assert.Contains("tms-0h0571e000000bad3", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__posturescanPwned", html, StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync(dir.File("export.csv"));
        Assert.Equal(12 + 1, csv.Length);
        Assert.Contains(csv, l => l.Contains(",\"'=HYPERLINK(", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, l => l.Contains(",=", StringComparison.Ordinal) || l.Contains(",\"=", StringComparison.Ordinal));
        var md = await File.ReadAllTextAsync(dir.File("report.md"));
        Assert.Contains("mirrors", md, StringComparison.OrdinalIgnoreCase);

        // One run in the store: there is nothing to compare it with, and diff says so.
        var (diffExit, _, diffErr) = await CliProcess.RunAsync(dir.Path, "diff", "--db", db);
        Assert.Equal(2, diffExit);
        Assert.Contains("no earlier run", diffErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_store_or_run_is_a_usage_error()
    {
        using var dir = new TemporaryDirectory();

        var (missingExit, _, missingErr) = await CliProcess.RunAsync(dir.Path, "report", "--format", "html", "--out", dir.File("r.html"), "--db", dir.File("nope.db"));
        var (formatExit, _, _) = await CliProcess.RunAsync(dir.Path, "export", "--format", "xlsx", "--out", dir.File("r.xlsx"));

        Assert.Equal(2, missingExit);
        Assert.Contains("no store there", missingErr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("nope.db")));
        Assert.Equal(2, formatExit);
    }
}
