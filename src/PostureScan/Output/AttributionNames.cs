using PostureScan.Core.Attribution;

namespace PostureScan.Output;

/// <summary>Attribution states as users read them: attributed, unattributed-beyond-retention, unattributed-missing, source-unavailable.</summary>
internal static class AttributionNames
{
    public static string Of(AttributionState state) => AttributionStateNames.Of(state);
}
