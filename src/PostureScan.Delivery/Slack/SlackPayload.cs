using System.Text.Json.Serialization;

namespace PostureScan.Delivery.Slack;

/// <summary>The webhook body: link_names off and no unfurling, so nothing in the text turns into a mention or a preview.</summary>
internal sealed record SlackPayload(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("link_names")] bool LinkNames = false,
    [property: JsonPropertyName("unfurl_links")] bool UnfurlLinks = false,
    [property: JsonPropertyName("unfurl_media")] bool UnfurlMedia = false);
