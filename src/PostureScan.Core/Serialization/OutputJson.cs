using System.Text.Encodings.Web;
using System.Text.Json;
using PostureScan.Core.Text;

namespace PostureScan.Core.Serialization;

/// <summary>
/// The JSON the commands print on standard output (<c>detect --format jsonl</c>, <c>scan</c> and <c>demo --json</c>,
/// <c>diff --json</c>, <c>outbox list --json</c>). JSON can carry any character as an escape, so every value stays
/// exact while each character <see cref="UnsafeText"/> names is written as <c>\uXXXX</c> and a terminal shows
/// nothing hidden. Other text (accents, other scripts) is written as it is, and so are the characters that matter
/// only in HTML; a quote is <c>\"</c> (<see cref="OutputJsonEncoder"/>).
/// </summary>
public static class OutputJson
{
    /// <summary>The one encoder of every JSON written to standard output.</summary>
    public static JavaScriptEncoder Encoder { get; } = OutputJsonEncoder.Instance;

    /// <summary><see cref="PostureJson.Options"/> with <see cref="Encoder"/>, for records serialised whole.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writer options with <see cref="Encoder"/>, one value per line.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Encoder, Indented = false };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(PostureJson.Options) { Encoder = Encoder };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
