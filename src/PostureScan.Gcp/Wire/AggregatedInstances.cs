namespace PostureScan.Gcp.Wire;

/// <summary>compute#instanceAggregatedList: one entry per zone ("zones/us-central1-a").</summary>
internal sealed record AggregatedInstances(
    Dictionary<string, InstancesScopedList>? Items,
    string? NextPageToken,
    List<string>? Unreachables);
