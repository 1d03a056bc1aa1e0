using System.Text;

namespace PostureScan.TestKit.Http;

/// <summary>One request as a <see cref="RecordingReceiver"/> saw it, body included, in arrival order.</summary>
/// <param name="Headers">Header names are case-insensitive; repeated values are joined with ", ".</param>
public sealed record RecordedRequest(
    int Sequence,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The header's value, or null when the request did not carry it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body split into its non-empty lines (JSON lines, one event per line).</summary>
    public IReadOnlyList<string> BodyLines() =>
        BodyText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
