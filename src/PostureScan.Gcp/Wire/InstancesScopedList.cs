namespace PostureScan.Gcp.Wire;

/// <summary>The instances of one zone on one page, or a warning in their place (NO_RESULTS_ON_PAGE).</summary>
internal sealed record InstancesScopedList(List<Instance>? Instances, ApiWarning? Warning);
