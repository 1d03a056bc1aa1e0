using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostureScan.Core.Serialization;

/// <summary>
/// The one set of JSON options for the project's records, shared by the store and the JSON exports so
/// that a record reads the same everywhere: camelCase members, enums as camelCase strings, tag keys
/// kept verbatim, derived (get-only) members left out because they are recomputed from the data.
/// </summary>
public static class PostureJson
{
    /// <summary>Read-only options; copy them (<c>new JsonSerializerOptions(PostureJson.Options)</c>) to vary.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // Dictionary keys are tag names from the cloud: data, never renamed.
            DictionaryKeyPolicy = null,
            IgnoreReadOnlyProperties = true,
            WriteIndented = false,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
