using System.Text.Json;

namespace PostureScan.Bench.Scale;

/// <summary>The fields of <c>scan --json</c> the benchmark reads.</summary>
internal sealed record ScanSummary(TimeSpan ScanPhase, long ApiCalls, int ScopesOk, int ScopesFailed, long Sessions)
{
    public static ScanSummary Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var scopes = root.GetProperty("scopes").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList();
        return new ScanSummary(
            root.GetProperty("finishedAt").GetDateTimeOffset() - root.GetProperty("startedAt").GetDateTimeOffset(),
            root.GetProperty("apiCalls").GetInt64(),
            scopes.Count(s => s == "ok"),
            scopes.Count(s => s != "ok"),
            root.GetProperty("sessions").EnumerateObject().Sum(p => p.Value.GetInt64()));
    }
}
