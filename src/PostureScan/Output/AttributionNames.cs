using System.Text.Json;
using PostureScan.Core.Attribution;

namespace PostureScan.Output;

/// <summary>Attribution states as users read them: attributed, unattributed-beyond-retention, unattributed-missing, unknown.</summary>
internal static class AttributionNames
{
    public static string Of(AttributionState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());
}
