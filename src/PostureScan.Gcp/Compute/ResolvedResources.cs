using System.Text.Json;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Compute;

/// <summary>
/// The subnetworks, instances and forwarding rules a region's policies name, as fetched. A resource
/// that was forbidden or not found is absent: its policy is still reported, without its addresses.
/// </summary>
internal sealed class ResolvedResources(IReadOnlyDictionary<string, JsonElement> byPath)
{
    public static ResolvedResources None { get; } = new(new Dictionary<string, JsonElement>());

    public T? Get<T>(ResourcePath? path)
        where T : class =>
        Raw(path) is { } json ? json.Deserialize<T>(GcpJson.Options) : null;

    public JsonElement? Raw(ResourcePath? path) =>
        path is not null && byPath.TryGetValue(path.Relative, out var json) ? json : null;
}
