using System.Text;
using System.Text.Json;
using PostureScan.Cisco.Parsing;

namespace PostureScan.Cisco.Mapping;

/// <summary>
/// The provider JSON of a Cisco session: the lines it was read from (numbered, bounded) and the lines of
/// it that were skipped, so an export shows exactly what the device said.
/// </summary>
internal static class SessionRawJson
{
    private const int MaxLineText = 256;

    public static string Write(SessionDraft draft, string device, string input)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("device", device);
            json.WriteNumber("session", draft.Number);
            json.WriteString("type", SessionKinds.Names[draft.ResolvedKind]);
            json.WriteString("input", input);
            json.WriteStartArray("lines");
            foreach (var line in draft.Lines)
            {
                json.WriteStartObject();
                json.WriteNumber("line", line.Number);
                json.WriteString("text", Printable.Bound(line.Text, MaxLineText));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (draft.DroppedLines > 0)
            {
                json.WriteNumber("linesNotKept", draft.DroppedLines);
            }

            if (draft.Issues.Count > 0)
            {
                json.WriteStartArray("skipped");
                foreach (var issue in draft.Issues)
                {
                    json.WriteStartObject();
                    json.WriteNumber("line", issue.Line);
                    json.WriteString("reason", issue.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteNumber("skippedCount", draft.Issues.Count + draft.DroppedIssues);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
