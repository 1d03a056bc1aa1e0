using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.TestKit;

namespace PostureScan.Delivery.Tests;

/// <summary>
/// The events shown in docs/delivery.md and docs/delivery-sinks.md are what the serialiser writes: each reads
/// into a <see cref="DeliveryEvent"/> and writes back the same JSON, and its finding ids and idempotency keys are
/// the ones the code derives from the other members, so the docs cannot drift from the wire.
/// </summary>
public sealed partial class DocumentedEventTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var doc in Documents)
        {
            for (var i = 0; i < Events(doc).Count; i++)
            {
                data.Add(doc, i);
            }
        }

        return data;
    }

    private static readonly string[] Documents = ["delivery.md", "delivery-sinks.md"];

    [Fact]
    public void Each_document_shows_events_and_the_kinds_are_all_shown()
    {
        var kinds = Documents.SelectMany(d => Events(d)).Select(e => e["kind"]!.GetValue<string>()).ToHashSet();

        Assert.All(Documents, d => Assert.NotEmpty(Events(d)));
        Assert.Superset(new HashSet<string> { "newFinding", "runSummary", "scopeError" }, kinds);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_documented_event_is_what_the_serialiser_writes(string document, int index)
    {
        var documented = Events(document)[index];

        var read = documented.Deserialize<DeliveryEvent>(DeliveryJson.Options)!;
        var written = JsonSerializer.SerializeToNode(read, DeliveryJson.Options)!;

        Assert.True(JsonNode.DeepEquals(documented, written), $"{document}, event {index}:\n{documented.ToJsonString()}\nwritten as\n{written.ToJsonString()}");
        Assert.Equal([.. Names(written)], Names(documented));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_documented_event_has_the_ids_and_key_its_members_make(string document, int index)
    {
        var e = Events(document)[index].Deserialize<DeliveryEvent>(DeliveryJson.Options)!;

        foreach (var finding in new[] { e.Finding }.Concat(e.Summary?.TopNewFindings ?? []).OfType<DeliveredFinding>())
        {
            Assert.Matches(FindingIdShape(), finding.FindingId);
            Assert.Equal(FindingId.For(finding.CheckId, finding.ResourceId), finding.FindingId);
        }

        var expected = e.Kind switch
        {
            DeliveryEventKind.RunSummary => DeliveryEventBuilder.Key("summary", e.RunId),
            DeliveryEventKind.ScopeError => DeliveryEventBuilder.Key("scope-error", e.RunId, e.ScopeError!.Provider, e.ScopeError.Account, e.ScopeError.Region),
            _ => DeliveryEventBuilder.Key("finding", e.RunId, e.Finding!.FindingId, e.Finding.Status.ToString()),
        };
        Assert.Equal(expected, e.IdempotencyKey);
    }

    /// <summary>The JSON blocks of the document that are events (they have a kind and an idempotency key).</summary>
    private static List<JsonObject> Events(string document)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("docs", document));
        var events = new List<JsonObject>();
        foreach (Match block in JsonBlock().Matches(text))
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(block.Groups["json"].Value);
            }
            catch (JsonException)
            {
                continue; // a fragment (a configuration excerpt, "EVENT, ..."), not an event
            }

            if (node is JsonObject o && o.ContainsKey("kind") && o.ContainsKey("idempotencyKey"))
            {
                events.Add(o);
            }
        }

        return events;
    }

    /// <summary>Every member's path, in the order written: the order a reader of the docs sees.</summary>
    private static IEnumerable<string> Names(JsonNode? node, string prefix = "") => node switch
    {
        JsonObject o => o.SelectMany(p => Names(p.Value, $"{prefix}/{p.Key}").Prepend($"{prefix}/{p.Key}")),
        JsonArray a => a.SelectMany(item => Names(item, $"{prefix}[]")).Distinct(),
        _ => [],
    };

    [GeneratedRegex("```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex("^f-[0-9a-f]{20}$")]
    private static partial Regex FindingIdShape();
}
