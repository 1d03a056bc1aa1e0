using System.Text.Json;
using PostureScan.Core.Checks;
using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;

namespace PostureScan.Core.Tests.Policy;

/// <summary>policies/policy.schema.json describes exactly the format the loader reads, no more, no less.</summary>
public sealed class PolicySchemaTests : IDisposable
{
    private readonly JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Policies.Shipped("policy.schema.json")));

    private JsonElement Root => schema.RootElement;

    private JsonElement Definitions => Root.GetProperty("$defs");

    public void Dispose() => schema.Dispose();

    [Fact]
    public void The_schema_is_draft_2020_12_and_closed_at_the_root()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Root.GetProperty("$schema").GetString());
        Assert.False(Root.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(1, Root.GetProperty("properties").GetProperty("version").GetProperty("const").GetInt32());
    }

    [Fact]
    public void Root_keys_match_the_loader()
    {
        Assert.Equal(Sorted(PolicyKeys.Root), Keys(Root));
    }

    [Theory]
    [InlineData("estate")]
    [InlineData("collector")]
    [InlineData("sensitive")]
    [InlineData("coverage")]
    [InlineData("exception")]
    public void Section_keys_match_the_loader(string definition)
    {
        var section = Definitions.GetProperty(definition);

        Assert.Equal(Sorted(PolicyKeys.Definitions[definition]), Keys(section));
        Assert.False(section.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Every_section_the_loader_reads_has_a_definition()
    {
        Assert.All(PolicyKeys.Definitions.Keys, name => Assert.True(Definitions.TryGetProperty(name, out _), name));
    }

    [Fact]
    public void Every_check_has_a_schema_entry_and_the_schema_names_no_other_check()
    {
        var checks = Definitions.GetProperty("checks");

        Assert.Equal(Sorted(Policies.Registry.Metadata.Select(m => m.Id)), Keys(checks));
        Assert.False(checks.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Each_check_entry_holds_exactly_the_common_keys_and_the_checks_settings_with_their_types()
    {
        foreach (var metadata in Policies.Registry.Metadata)
        {
            var entry = Resolve(Definitions.GetProperty("checks").GetProperty("properties").GetProperty(metadata.Id));

            Assert.Equal(Sorted(PolicyKeys.CheckCommon.Concat(metadata.Settings.Select(s => s.Name))), Keys(entry));
            Assert.False(entry.GetProperty("additionalProperties").GetBoolean());
            foreach (var setting in metadata.Settings)
            {
                var property = entry.GetProperty("properties").GetProperty(setting.Name);
                Assert.Equal(setting.Kind == SettingKind.Flag ? "boolean" : "integer", property.GetProperty("type").GetString());
                if (setting.Kind == SettingKind.Number)
                {
                    Assert.Equal(setting.Minimum, property.GetProperty("minimum").GetInt64());
                    Assert.Equal((long)setting.Default, property.GetProperty("default").GetInt64());
                }
                else
                {
                    Assert.Equal((bool)setting.Default, property.GetProperty("default").GetBoolean());
                }
            }
        }
    }

    [Fact]
    public void Severity_names_match_the_enum()
    {
        var names = Definitions.GetProperty("severity").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

        Assert.Equal(PolicyYamlReader.SeverityNames.Split(", "), names);
    }

    private JsonElement Resolve(JsonElement element) =>
        element.TryGetProperty("$ref", out var reference)
            ? Definitions.GetProperty(reference.GetString()!["#/$defs/".Length..])
            : element;

    private static string[] Keys(JsonElement objectSchema) =>
        Sorted(objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name));

    private static string[] Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];
}
