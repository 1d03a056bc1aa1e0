using PostureScan.Output;

namespace PostureScan.Cli.Detect;

/// <summary>The count summary on standard error: records read, matched and malformed, in total and per input.</summary>
internal static class DetectSummary
{
    /// <summary>Inputs listed one by one when there are few; beyond that only those with problems are.</summary>
    private const int ListedInputs = 50;

    public static void Write(TextWriter error, IReadOnlyList<InputOutcome> outcomes, int reported)
    {
        var records = outcomes.Sum(o => o.Result?.Records ?? 0);
        var matched = outcomes.Sum(o => o.Result?.Matched ?? 0);
        var malformed = outcomes.Sum(o => o.Result?.MalformedCount ?? 0);
        var unreadable = outcomes.Count(o => o.Unreadable is not null);
        error.WriteLine($"detect: {outcomes.Count} input(s), {records} record(s) read, {matched} matched, {reported} reported, {malformed} malformed, {unreadable} unreadable");
        foreach (var outcome in outcomes.Where(o => outcomes.Count <= ListedInputs || o.Unreadable is not null || o.Result?.HasMalformed == true))
        {
            var name = TerminalText.Line(outcome.Input, 300);
            if (outcome.Result is not { } result)
            {
                error.WriteLine($"  {name}: unreadable: {TerminalText.Line(outcome.Unreadable ?? "", 300)}");
                continue;
            }

            error.WriteLine($"  {name}: {result.Records} read, {result.Matched} matched, {result.MalformedCount} malformed");
            foreach (var bad in result.Malformed)
            {
                error.WriteLine($"    malformed {TerminalText.Line(bad.ToString(), 300)}");
            }

            if (result.MalformedCount > result.Malformed.Count)
            {
                error.WriteLine($"    ... and {result.MalformedCount - result.Malformed.Count} more malformed");
            }
        }
    }
}
