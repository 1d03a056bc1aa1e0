using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PostureScan.Core.Audit;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// Builds the normalised <see cref="AuditEvent"/> of a monitor-session command. The session it changed is
/// named as the inventory names it (<c>DEVICE/session/N</c>), so the correlator joins the two; the event id
/// is a hash of the line as logged, so the same line read again (a grown file) is stored once. The event name is
/// the command with its keywords written out, whatever abbreviation was typed; the line as logged is kept raw.
/// </summary>
internal static class CiscoAuditEvents
{
    public static AuditEvent Create(
        CiscoCommandEvent command,
        MirrorCommand mirror,
        string device,
        string? sourceAddress,
        string? line,
        string rawLine,
        AuditInput input)
    {
        IReadOnlyList<string> resources = mirror.Session is { } n ? [SessionId(device, n)] : [];
        return new AuditEvent(
            command.Time!.Value,
            AuditPlatform.Cisco,
            mirror.Text.Length > 0 ? mirror.Text : command.Command ?? "",
            command.User ?? AuditEvent.Unknown,
            sourceAddress ?? AuditEvent.Unknown,
            mirror.Action,
            command.Failed ? AuditOutcome.Failure : AuditOutcome.Success,
            command.Failed ? "failed" : null,
            null,
            device,
            null,
            resources,
            "cisco:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawLine)))[..40],
            line,
            command.Kind == CommandEventKind.TacacsAccounting ? "tacacs+" : "syslog",
            null,
            input,
            Raw(command.Kind, rawLine));
    }

    /// <summary>The inventory's id of a device's session (<c>core-sw1/session/1</c>).</summary>
    public static string SessionId(string device, int session) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{device}/session/{session}");

    private static string Raw(CommandEventKind kind, string rawLine)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("log", kind == CommandEventKind.TacacsAccounting ? "tacacs+" : "syslog");
            json.WriteString("line", rawLine);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
