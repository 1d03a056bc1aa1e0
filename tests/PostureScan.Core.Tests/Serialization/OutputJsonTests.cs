using System.Text.Json;
using PostureScan.Core.Serialization;
using PostureScan.Core.Text;

namespace PostureScan.Core.Tests.Serialization;

public sealed class OutputJsonTests
{
    [Fact]
    public void Every_unsafe_character_is_written_as_an_escape_and_reads_back_exactly()
    {
        var unsafeCharacters = Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(UnsafeText.IsUnsafe).ToList();
        var value = string.Concat(unsafeCharacters);

        var json = JsonSerializer.Serialize(value, OutputJson.Options);

        Assert.DoesNotContain(json, UnsafeText.IsUnsafe);
        Assert.Equal(value, JsonSerializer.Deserialize<string>(json));
        Assert.Contains(@"\u202E", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(@"\u2028", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Other_scripts_stay_readable_and_astral_format_characters_are_escaped()
    {
        // U+E0041 is a tag character: a format character outside the Basic Multilingual Plane.
        const string Value = "Ünïcødé 中文 עברית x\U000E0041y";

        var json = JsonSerializer.Serialize(Value, OutputJson.Options);

        Assert.StartsWith("\"Ünïcødé 中文 עברית x", json, StringComparison.Ordinal);
        Assert.Contains(@"x\uDB40\uDC41y", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Value, JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public void Quotes_and_backslashes_take_their_short_escapes_and_markup_characters_stay_as_they_are()
    {
        // Standard output is read by jq, a SIEM or a person, never embedded in a page: "<x>" stays "<x>".
        const string Value = "al\"ice\\ <x> & 'y' +1";

        var json = JsonSerializer.Serialize(Value, OutputJson.Options);

        Assert.Equal("\"al\\\"ice\\\\ <x> & 'y' +1\"", json);
        Assert.Equal(Value, JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public void A_lone_surrogate_is_written_as_valid_JSON_through_the_writer_the_jsonl_output_uses()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, OutputJson.WriterOptions))
        {
            writer.WriteStringValue("a\uD800b\u00ADc\"");
        }

        var json = System.Text.Encoding.UTF8.GetString(buffer.ToArray());

        // The writer reads the lone surrogate as U+FFFD, a character like any other.
        Assert.Equal("\"a\uFFFDb\\u00ADc\\\"\"", json);
        Assert.Equal("a\uFFFDb\u00ADc\"", JsonSerializer.Deserialize<string>(json));
    }
}
