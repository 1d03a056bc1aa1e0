using System.Collections.Frozen;
using System.Text.Json;

namespace PostureScan.Core.Attribution;

/// <summary>
/// The attribution states as every output names them: attributed, unattributed-beyond-retention,
/// unattributed-missing, source-unavailable.
/// </summary>
public static class AttributionStateNames
{
    private static readonly FrozenDictionary<AttributionState, string> Names =
        Enum.GetValues<AttributionState>().ToFrozenDictionary(s => s, s => JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()));

    public static string Of(AttributionState state) => Names[state];
}
