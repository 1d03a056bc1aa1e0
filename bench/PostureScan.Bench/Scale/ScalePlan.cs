using System.Text.Json;

namespace PostureScan.Bench.Scale;

/// <summary>What scale-world wrote and scale-report compares against: the shape and the world's minimum calls.</summary>
internal sealed record ScalePlan(ScaleShape Shape, IReadOnlyDictionary<string, long> MinimumByAction, int Scopes)
{
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true };

    public ApiMinimum Minimum => new(MinimumByAction, Scopes);

    public static ScalePlan Read(string path) =>
        JsonSerializer.Deserialize<ScalePlan>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty plan");
}
