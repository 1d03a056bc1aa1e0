using System.Text.Json;

namespace PostureScan.Gcp.Compute;

/// <summary>
/// One project's aggregated packet mirroring list, split by region: the regions that answered (empty
/// ones included) and the regions Compute reported as unreachable.
/// </summary>
internal sealed class ProjectListing(
    string project,
    IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> regions,
    IReadOnlyList<string> unreachable,
    int calls)
{
    private int unclaimedCalls = calls;

    public string Project { get; } = project;

    /// <summary>Region name to its policies, as raw JSON. Every region Compute listed is here, with or without policies.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Regions { get; } = regions;

    public IReadOnlyList<string> Unreachable { get; } = unreachable;

    /// <summary>
    /// The requests the listing took, handed to the first scope that asks, so that the run's total
    /// counts each request once although a project is listed once for all its regions.
    /// </summary>
    public int ClaimCalls() => Interlocked.Exchange(ref unclaimedCalls, 0);
}
