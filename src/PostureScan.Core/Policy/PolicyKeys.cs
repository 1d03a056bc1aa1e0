namespace PostureScan.Core.Policy;

/// <summary>
/// The keys each section of a policy accepts: the loader rejects any other, and a test holds the JSON
/// schema to exactly these (plus each check's own settings, which come from its metadata).
/// </summary>
internal static class PolicyKeys
{
    public static IReadOnlyList<string> Root { get; } =
        ["version", "estate", "collectors", "principals", "sourceNetworks", "erspanNetworks", "sensitive", "coverage", "exceptions", "checks"];

    public static IReadOnlyList<string> Estate { get; } = ["accounts"];

    /// <summary>The collector's keys: its name, then the ways to match a destination (at least one is required).</summary>
    public static IReadOnlyList<string> Collector { get; } = ["name", "providerIds", "cidrs", "tags", "interfaces", "rspanVlans"];

    /// <summary>The sensitive source's keys: its name, then the ways to match a source (at least one is required).</summary>
    public static IReadOnlyList<string> Sensitive { get; } = ["name", "tags", "subnets", "networks", "interfaces"];

    /// <summary>The coverage rule's keys; interfaces, vlans and descriptions select network device ports.</summary>
    public static IReadOnlyList<string> Coverage { get; } = ["name", "collector", "providers", "accounts", "tags", "interfaces", "vlans", "descriptions"];

    public static IReadOnlyList<string> Exception { get; } = ["finding", "resource", "check", "reason", "owner", "expires"];

    /// <summary>The keys every check accepts before its own settings.</summary>
    public static IReadOnlyList<string> CheckCommon { get; } = ["enabled", "severity"];

    /// <summary>The sections as located in the schema: <c>#/$defs/NAME</c> holds the keys of NAME.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Definitions { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["estate"] = Estate,
        ["collector"] = Collector,
        ["sensitive"] = Sensitive,
        ["coverage"] = Coverage,
        ["exception"] = Exception,
    };
}
