using System.Text.Json;
using PostureScan.Core.Scanning;
using PostureScan.Core.Serialization;

namespace PostureScan.Storage.Rows;

/// <summary>A <c>scan_runs</c> row; property names are the Dapper parameter and column aliases.</summary>
internal sealed class RunRow
{
    public string Id { get; init; } = "";

    public string StartedAt { get; init; } = "";

    public string FinishedAt { get; init; } = "";

    public string Providers { get; init; } = "[]";

    public bool IsPartial { get; init; }

    public long ApiCalls { get; init; }

    public static RunRow From(ScanRun run) => new()
    {
        Id = StoredText.Of(run.Id),
        StartedAt = StoredTime.Format(run.StartedAt),
        FinishedAt = StoredTime.Format(run.FinishedAt),
        Providers = JsonSerializer.Serialize(run.Providers, PostureJson.Options),
        IsPartial = run.IsPartial,
        ApiCalls = run.ApiCalls,
    };

    public IReadOnlyList<string> ProviderList() =>
        JsonSerializer.Deserialize<string[]>(Providers, PostureJson.Options) ?? [];
}
