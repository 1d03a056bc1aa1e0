using System.Text.Json;
using PostureScan.Core.Serialization;
using PostureScan.Core.Text;

namespace PostureScan.Core.Audit.Output;

/// <summary>
/// Writes the <c>detect --format jsonl</c> contract: one object per event, with the seed query's
/// five fields (time, platform, eventName, actor, sourceIp) then action, outcome, scope, region,
/// resourceIds, eventId and input, in that order, then <c>evidence</c> (every input) for an event several
/// logs recorded. Absent optional values are JSON null. Strings are exact up to their bound
/// (<see cref="BoundedText.MachineValue"/>, then cut with the marker); control, format and separator characters
/// are written as escapes (<see cref="OutputJson"/>), as the output usually goes to a terminal.
/// </summary>
public static class AuditJsonlWriter
{
    public static void Write(Stream output, IEnumerable<AuditEvent> events)
    {
        using var writer = new Utf8JsonWriter(output, OutputJson.WriterOptions);
        foreach (var audit in events)
        {
            WriteOne(writer, audit);
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }
    }

    private static void WriteOne(Utf8JsonWriter writer, AuditEvent audit)
    {
        writer.WriteStartObject();
        writer.WriteString("time", AuditNames.Of(audit.Time));
        writer.WriteString("platform", AuditNames.Of(audit.Platform));
        String(writer, "eventName", audit.EventName);
        String(writer, "actor", audit.Actor);
        String(writer, "sourceIp", audit.SourceIp);
        writer.WriteString("action", AuditNames.Of(audit.Action));
        writer.WriteString("outcome", AuditNames.Of(audit.Outcome));
        String(writer, "scope", audit.Scope);
        String(writer, "region", audit.Region);
        writer.WriteStartArray("resourceIds");
        foreach (var id in audit.ResourceIds)
        {
            writer.WriteStringValue(BoundedText.Cut(id, BoundedText.MachineValue));
        }

        writer.WriteEndArray();
        String(writer, "eventId", audit.EventId);
        writer.WriteStartObject("input");
        if (audit.Input.File is not null)
        {
            String(writer, "file", audit.Input.File);
            writer.WriteNumber("record", audit.Input.Record ?? 0);
        }
        else
        {
            String(writer, "api", audit.Input.Api);
            if (audit.Input.Record is { } record)
            {
                writer.WriteNumber("record", record);
            }
        }

        writer.WriteEndObject();
        if (audit.Evidence is { Count: > 0 } evidence)
        {
            // Only for a call several logs recorded: every record it was read from.
            writer.WriteStartArray("evidence");
            foreach (var input in evidence)
            {
                writer.WriteStringValue(BoundedText.Cut(input.ToString(), BoundedText.MachineValue));
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void String(Utf8JsonWriter writer, string name, string? value) =>
        writer.WriteString(name, BoundedText.Cut(value, BoundedText.MachineValue));
}
