using System.Text.Json;
using PostureScan.Core.Checks;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Reporting.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Reporting.Tests;

/// <summary>
/// Every output, written straight from records full of hostile strings (lone surrogates and control characters
/// included, which the store would already have replaced), stays well-formed, inert and bounded.
/// </summary>
public sealed class HostileStringTests
{
    private static readonly string[] Nasty =
    [
        .. Hostile.Strings, Payloads.Description, Payloads.Actor, "\uD800", "x\uDC00y", "\uDBFF", "tail\uD83D",
        new string([.. Enumerable.Range(0, 32).Select(i => (char)i)]), "\u2028\u2029\u0085", "</script><script>alert(1)</script>",
        "  =1+1", "\"=HYPERLINK(\"\"x\"\")\"", " \t@SUM(A1)", "\n-2+3", "' +cmd",
        "al\u200Bice\u200C\u200D\uFEFF\u2060", "\u2067isolated\u2069\u200F", "see www.evil.example and WWW.evil.example",
    ];

    private static ReportData Data()
    {
        var scope = new Scope(Providers.Aws, Estate.Account, "us-east-1");
        var sessions = Nasty.Select((text, i) => Estate.HostileSession() with
        {
            Id = $"tms-{i:D2}{text}",
            Name = text,
            Description = text + Payloads.Description,
            Tags = new Dictionary<string, string>(Hostile.Tags()) { [text.Length == 0 ? "empty" : text] = text },
            Scope = scope,
        }).ToList();
        var run = new Core.Scanning.ScanRun("run-" + Nasty[4], Estate.Night3, Estate.Night3.AddMinutes(1), [Providers.Aws],
            [Core.Scanning.ScopeResult.Ok(scope, 1, TimeSpan.Zero), Core.Scanning.ScopeResult.Failed(new Scope(Providers.Aws, Estate.Other, "eu-west-1"), Core.Scanning.ScopeErrorKind.Other, Payloads.Description, 1, TimeSpan.Zero)],
            sessions);
        var findings = sessions.Select(s => new Finding(FindingId.For("unapproved-destination", s.Id), "unapproved-destination", "Mirror sends packets to an unapproved destination",
            Severity.High, FindingStatus.New, s.Id, scope, $"mirror {s.Id} {s.Description}", Estate.Night3, Estate.Night3, null, s.Name)).ToList();
        var attributions = sessions.Select(s => new Core.Attribution.Attribution(s.Id, Core.Attribution.AttributionState.Attributed, s.Name, s.Name, Estate.Night1, s.Name, [s.Name!],
            [new(Estate.Night2, s.Name!, "modify", "success", s.Name, s.Name, s.Name!)], s.Name)).ToList();
        var drift = Core.Drift.DriftCalculator.Compare(run with { Id = "previous", Sessions = [.. sessions.Select(s => s with { Enabled = false })] }, run);
        return new ReportData(run, new PolicyEvaluation(run.Id, Payloads.Description, Estate.Night3, findings, [new UnevaluatedCheck(Payloads.Script, Payloads.Description)]),
            drift, [new RunPoint(run.Id, run.StartedAt, sessions.Count, 1, findings.Count)], attributions, CheckRegistry.CreateDefault().Metadata, Estate.Night3);
    }

    public static TheoryData<string> JsonFormats() => new() { "report:json", "export:json", "export:ocsf", "export:asff" };

    [Theory]
    [MemberData(nameof(JsonFormats))]
    public async Task Json_outputs_parse_and_no_string_passes_whole_or_malformed(string format)
    {
        var parts = format.Split(':');
        var text = await Render.ToStringAsync(parts[0] == "report" ? Render.Report(parts[1]) : Render.Export(parts[1]), Data());

        using var document = JsonDocument.Parse(text);
        foreach (var value in Strings(document.RootElement))
        {
            Assert.True(value.Length <= Text.Limits.RawJson + 64, $"a value of {value.Length} characters passed the bound");
            Assert.DoesNotContain(value, c => char.IsSurrogate(c) && !IsPaired(value, c));
        }

        Assert.DoesNotContain("<script>", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Hostile.Large()[..2000], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_encodes_every_value_and_keeps_its_one_script()
    {
        var html = await Render.ToStringAsync(Render.Report("html"), Data());

        Assert.Equal(1, Count(html, "<script"));
        Assert.Equal(1, Count(html, "</script"));
        Assert.Equal(0, Count(html, "<img"));
        Assert.Equal(0, Count(html, "<svg onload"));
        Assert.Contains("&lt;script&gt;window.__posturescanPwned=1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', html);
        Assert.DoesNotContain(html, IsHidden);
        Assert.Contains("al[U+200B]ice", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Hostile.Large()[..2000], html, StringComparison.Ordinal);
        Assert.Contains("[truncated, 102400 characters in all]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_escapes_its_syntax_and_control_characters()
    {
        var md = await Render.ToStringAsync(Render.Report("md"), Data());
        // Inside a code span nothing is markup (CommonMark 6.1); outside one, nothing from data may be.
        var outsideCode = System.Text.RegularExpressions.Regex.Replace(md, "(`+) .*? \\1", "");

        Assert.DoesNotContain("<script>", outsideCode, StringComparison.Ordinal);
        Assert.DoesNotContain("<", outsideCode.Replace("\\<", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("[runbook](", outsideCode, StringComparison.Ordinal);
        Assert.DoesNotContain("**urgent**", outsideCode, StringComparison.Ordinal);
        Assert.Contains("\\[runbook\\]\\(", md, StringComparison.Ordinal);
        // GitHub makes a link of "www." and a domain, scheme or not.
        Assert.DoesNotContain("www.", outsideCode, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("see www\\.evil.example and WWW\\.evil.example", md, StringComparison.Ordinal);
        Assert.DoesNotContain(md, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain(md, IsHidden);
        // Every row of the drift table has exactly its six unescaped pipes: no value split a cell.
        foreach (var row in md.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("tms-", StringComparison.Ordinal)))
        {
            Assert.Equal(6, UnescapedPipes(row));
        }
    }

    [Fact]
    public async Task Csv_neutralises_formulas_and_keeps_one_row_per_mirror()
    {
        var data = Data();
        var text = await Render.ToStringAsync(Render.Export("csv"), data);

        var rows = Rfc4180.Parse(text);

        Assert.Equal(data.Run.Sessions.Count + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        foreach (var cell in rows.SelectMany(r => r))
        {
            Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"cell starts with a formula prefix: {cell[..Math.Min(40, cell.Length)]}");
            // A spreadsheet that trims spaces or quotes on import must still meet the leading quote first.
            var trimmed = cell.TrimStart(' ', '\t', '\r', '\n', '"', '\'');
            Assert.False(!cell.StartsWith('\'') && trimmed.Length > 0 && "=+-@".Contains(trimmed[0], StringComparison.Ordinal),
                $"a formula follows leading spaces or quotes: {cell[..Math.Min(40, cell.Length)]}");
            // The bound counts the value's characters: one shown as [U+XXXX] is still one.
            Assert.True(System.Text.RegularExpressions.Regex.Replace(cell, @"\[U\+[0-9A-F]{4}\]", "?").Length <= Text.Limits.Export + 64);
        }

        Assert.Contains(rows.SelectMany(r => r), c => c.StartsWith("'=HYPERLINK(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_shows_control_format_and_separator_characters_as_code_points()
    {
        var text = await Render.ToStringAsync(Render.Export("csv"), Data());

        // Tab, carriage return and line feed are carried by CSV quoting; nothing else unseen reaches a cell.
        Assert.DoesNotContain(text, c => (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) || IsHidden(c));
        var cells = Rfc4180.Parse(text).SelectMany(r => r).ToList();
        Assert.Contains(cells, c => c.Contains("col [U+0007]bell\r\nnext [U+202E]evil[U+202C]", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Contains("nul[U+0000]inside", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Contains("al[U+200B]ice[U+200C][U+200D][U+FEFF][U+2060]", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Contains("[U+2028][U+2029][U+0085]", StringComparison.Ordinal));
    }

    /// <summary>A character that reads as nothing, or as a line break: zero-width and direction marks, separators.</summary>
    private static bool IsHidden(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
        or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static bool IsPaired(string value, char c)
    {
        var i = value.IndexOf(c, StringComparison.Ordinal);
        return char.IsHighSurrogate(c) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) : i > 0 && char.IsHighSurrogate(value[i - 1]);
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.OrdinalIgnoreCase).Length) / part.Length;

    private static int UnescapedPipes(string row)
    {
        var count = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                count++;
            }
        }

        return count;
    }
}
