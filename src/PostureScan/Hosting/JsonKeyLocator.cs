using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PostureScan.Hosting;

/// <summary>
/// Where a configuration key (<c>Section:Key</c>, array items by index) is written in a JSON settings file, so that
/// an error about the key can name its line and column: the configuration system keeps values, not positions.
/// </summary>
internal static class JsonKeyLocator
{
    /// <summary>The 1-based line and column of the property that <paramref name="key"/> names, or null when it is not written there.</summary>
    public static (long Line, long Column)? Find(byte[] json, string key)
    {
        ArgumentNullException.ThrowIfNull(json);
        // An editor's byte order mark is not JSON to the reader, and no column of the first line either.
        var start = json.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var reader = new Utf8JsonReader(json.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        frames[^1].Name = name;
                        if (string.Equals(Path(frames, name), key, StringComparison.OrdinalIgnoreCase))
                        {
                            return Position(json, start, start + reader.TokenStartIndex);
                        }

                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        // An array's item is named by its index (Delivery:Sinks:0, a whole sink), and the next item takes the next.
                        if (frames.Count > 0 && frames[^1].IsArray && string.Equals(Path(frames, frames[^1].NextIndex()), key, StringComparison.OrdinalIgnoreCase))
                        {
                            return Position(json, start, start + reader.TokenStartIndex);
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, frames.Count == 0 ? null : frames[^1].ChildSegment()));
                        }
                        else if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            frames[^1].Index++;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A file the configuration system read but this reader does not (it is stricter): no position, not an error.
        }

        return null;
    }

    private static string Path(List<Frame> frames, string name) =>
        string.Join(':', frames.Skip(1).Select(f => f.Segment).Append(name));

    private static (long Line, long Column) Position(byte[] json, int start, long offset)
    {
        var before = json.AsSpan(0, (int)offset);
        var lineStart = Math.Max(start, before.LastIndexOf((byte)'\n') + 1);
        // The column counts characters, not the bytes UTF-8 spends on them.
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>One object or array being read: its key segment, and (arrays) the index of its next item.</summary>
    private sealed class Frame(bool isArray, string? segment)
    {
        public bool IsArray { get; } = isArray;

        public string? Segment { get; } = segment;

        public string? Name { get; set; }

        public int Index { get; set; }

        /// <summary>The segment of a container that starts inside this one (an array's item takes the next index).</summary>
        public string? ChildSegment() => IsArray ? (Index++).ToString(CultureInfo.InvariantCulture) : Name;

        /// <summary>An array's next item's index, not yet taken.</summary>
        public string NextIndex() => Index.ToString(CultureInfo.InvariantCulture);
    }
}
