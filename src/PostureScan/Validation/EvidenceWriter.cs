using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PostureScan.Validation;

/// <summary>
/// The evidence an auditor keeps: what was played, when, through which delivery path, and what fired, as
/// Markdown for people and JSON for tools. Log-derived text is escaped for Markdown and bounded.
/// </summary>
internal static class EvidenceWriter
{
    /// <summary>Writes FILE.md and FILE.json beside each other (FILE without its .md or .json extension); returns both paths.</summary>
    public static async Task<(string Markdown, string Json)> WriteAsync(ValidationReport report, string file, CancellationToken ct)
    {
        var full = Path.GetFullPath(file);
        var stem = Path.GetExtension(full) is ".md" or ".json" ? Path.ChangeExtension(full, null) : full;
        var (markdown, json) = (stem + ".md", stem + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(markdown, Markdown(report), ct);
        await File.WriteAllTextAsync(json, Json(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct);
        return (markdown, json);
    }

    public static string Markdown(ValidationReport r)
    {
        var md = new StringBuilder();
        md.AppendLine("# PostureScan validation evidence (MITRE ATT&CK T1020.001)").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Result: **{(r.Passed ? "PASSED" : "FAILED")}**, {r.Steps.Count(s => s.Passed)} of {r.Steps.Count} steps held");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Played from {Time(r.StartedAt)} to {Time(r.FinishedAt)} (emulator clock) against the built-in emulator's clean estate");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Policy: {Cell(r.Policy)}; scan run {Cell(r.ScanRunId ?? "none")}; emulator served {r.EmulatorReads} read calls and refused {r.RefusedWrites} write calls");
        foreach (var scenario in r.Scenarios)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {scenario.Name}: {Cell(scenario.Title)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Played as {Cell(scenario.Adversary.Actor)} from {Cell(scenario.Adversary.SourceIp)}; mirror {Cell(scenario.SessionId)}.").AppendLine();
            md.AppendLine("| Time (UTC) | Call | Resource | Record id | Delivered to | Listed from |").AppendLine("|---|---|---|---|---|---|");
            foreach (var c in scenario.Calls)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Time(c.Time)} | {Cell(c.Operation)} | {Cell(c.ResourceId)} | {Cell(c.EventId)} | {Cell(c.Delivery)} | {Time(c.VisibleFrom)} |");
            }

            Steps(md, r.Steps.Where(s => s.Scenario == scenario.Name));
        }

        md.AppendLine().AppendLine("## estate").AppendLine();
        Steps(md, r.Steps.Where(s => s.Scenario == ValidationRunner.Estate));
        return md.ToString();
    }

    public static JsonObject Json(ValidationReport r) => new()
    {
        ["passed"] = r.Passed,
        ["startedAt"] = Time(r.StartedAt),
        ["finishedAt"] = Time(r.FinishedAt),
        ["policy"] = r.Policy,
        ["scanRunId"] = r.ScanRunId,
        ["emulator"] = new JsonObject { ["readCalls"] = r.EmulatorReads, ["refusedWrites"] = r.RefusedWrites },
        ["scenarios"] = new JsonArray([.. r.Scenarios.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["title"] = s.Title,
            ["actor"] = s.Adversary.Actor,
            ["sourceIp"] = s.Adversary.SourceIp,
            ["mirror"] = s.SessionId,
            ["played"] = new JsonArray([.. s.Calls.Select(c => (JsonNode)new JsonObject
            {
                ["time"] = Time(c.Time),
                ["operation"] = c.Operation,
                ["resourceId"] = c.ResourceId,
                ["eventId"] = c.EventId,
                ["delivery"] = c.Delivery,
                ["listedFrom"] = Time(c.VisibleFrom),
            })]),
        })]),
        ["steps"] = new JsonArray([.. r.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["scenario"] = s.Scenario,
            ["step"] = s.Step,
            ["passed"] = s.Passed,
            ["expected"] = s.Expected,
            ["observed"] = s.Observed,
        })]),
    };

    private static void Steps(StringBuilder md, IEnumerable<StepResult> steps)
    {
        md.AppendLine().AppendLine("| Result | Step | Expected | Observed |").AppendLine("|---|---|---|---|");
        foreach (var s in steps)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {(s.Passed ? "PASS" : "**FAIL**")} | {Cell(s.Step)} | {Cell(s.Expected)} | {Cell(s.Observed)} |");
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Plain text in a table cell: Markdown and HTML characters escaped, line breaks flattened, 500 characters at most.</summary>
    private static string Cell(string value)
    {
        var text = value.Length > 500 ? value[..497] + "..." : value;
        var cell = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' or '\n' or '\t' => cell.Append(' '),
                '<' => cell.Append("&lt;"),
                '>' => cell.Append("&gt;"),
                '&' => cell.Append("&amp;"),
                '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '!' => cell.Append('\\').Append(c),
                _ when char.IsControl(c) => cell,
                _ => cell.Append(c),
            };
        }

        return cell.ToString();
    }
}
