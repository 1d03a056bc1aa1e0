using System.Text.Json;
using PostureScan.Core.Serialization;

namespace PostureScan.Delivery;

/// <summary>The JSON of delivered events (docs/delivery.md): the store's record options, camelCase names and enum values.</summary>
public static class DeliveryJson
{
    public static JsonSerializerOptions Options => PostureJson.Options;
}
