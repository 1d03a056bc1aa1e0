using PostureScan.Core.Audit;
using PostureScan.Output;

namespace PostureScan.Cli.Detect;

/// <summary>The count summary of a live detection on standard error: totals, then each scope with what it covered or why it failed.</summary>
internal static class LiveSummary
{
    public static void Write(TextWriter error, string source, AuditSourceResult result, int reported)
    {
        var failed = result.Scopes.Count(s => !s.Succeeded);
        error.WriteLine($"detect: {source}: {result.Scopes.Count} scope(s), {result.Records} record(s) read, {result.Matched} matched, {reported} reported, {result.Malformed} malformed, {failed} failed");
        if (result.Failure is { } failure)
        {
            error.WriteLine($"  {source}: failed: {TerminalText.Line(failure.ToString(), 500)}");
        }

        foreach (var scope in result.Scopes)
        {
            var name = TerminalText.Line(scope.Scope.Key, 300);
            error.WriteLine(scope.Failure is { } reason
                ? $"  {name}: failed: {TerminalText.Line(reason.ToString(), 500)}"
                : $"  {name}: {scope.Records} read, {scope.Matched} matched, {scope.Malformed} malformed, {scope.Window}");
        }
    }
}
