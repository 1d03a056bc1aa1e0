using System.Text.Json.Nodes;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// What one Compute aggregatedList serves, for <see cref="AggregatedList"/>: the collection (the URL's last
/// segment, also the items' field name), the response kind, the project's items in list order each with its
/// scope key ("zones/ZONE" or "regions/REGION"), the scope keys that appear on every page, the keys an
/// unreachable region stands for, and how an item is rendered.
/// </summary>
internal sealed record AggregatedListing<T>(
    string Collection,
    string Kind,
    Func<IReadOnlyList<GcpRegion>, IEnumerable<(string Scope, T Item)>> Items,
    Func<IReadOnlyList<GcpRegion>, IEnumerable<string>> Scopes,
    Func<GcpRegion, IEnumerable<string>> UnreachableScopes,
    Func<string, T, JsonNode> Render);
