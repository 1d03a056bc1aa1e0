using System.Text;
using System.Text.Json;
using PostureScan.Core.Policy;

namespace PostureScan.Core.Audit.Matching;

/// <summary>
/// Reports a device command once when both syslog and TACACS+ accounting recorded it: same device, same
/// user, same command (keywords compared without case or spacing, interface names in their canonical
/// spelling: <c>gi1/0/5</c> is <c>GigabitEthernet1/0/5</c>), same session, logged within
/// <see cref="Window"/> of each other. Each record pairs with at most one of the other log, the nearest in
/// time, so a command genuinely typed twice stays two events, and two records of the same log never merge.
/// The merged event keeps both records as evidence.
/// </summary>
public static class DeviceCommandMerger
{
    /// <summary>How far apart the two logs may date one command: a device clock and a TACACS+ server's differ, and accounting is sent after the command runs.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private const string Syslog = "syslog";
    private const string Tacacs = "tacacs+";

    public static IReadOnlyList<AuditEvent> Merge(IEnumerable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var all = events.ToList();
        var syslog = all.Where(e => IsDeviceCommand(e, Syslog)).ToLookup(Key);
        var merged = new Dictionary<AuditEvent, AuditEvent>(ReferenceEqualityComparer.Instance);
        var absorbed = new HashSet<AuditEvent>(ReferenceEqualityComparer.Instance);
        foreach (var tacacs in all.Where(e => IsDeviceCommand(e, Tacacs)).OrderBy(e => e.Time))
        {
            var partner = syslog[Key(tacacs)]
                .Where(s => !absorbed.Contains(s) && (s.Time - tacacs.Time).Duration() <= Window)
                .OrderBy(s => (s.Time - tacacs.Time).Duration())
                .FirstOrDefault();
            if (partner is not null)
            {
                absorbed.Add(partner);
                merged[tacacs] = Combine(tacacs, partner);
            }
        }

        return [.. all.Where(e => !absorbed.Contains(e)).Select(e => merged.GetValueOrDefault(e, e))];
    }

    private static bool IsDeviceCommand(AuditEvent e, string log) =>
        e.Platform == AuditPlatform.Cisco && e.IsWrite && e.Evidence is null && string.Equals(e.Service, log, StringComparison.Ordinal);

    private static (string, string, string, string) Key(AuditEvent e) =>
        ((e.Scope ?? "").ToUpperInvariant(), e.Actor.ToUpperInvariant(), CommandKey(e.EventName), e.ResourceIds.Count > 0 ? e.ResourceIds[0].ToUpperInvariant() : "");

    /// <summary>The command compared: lower case, single spaces, commas as words, interface names canonical.</summary>
    internal static string CommandKey(string command)
    {
        var words = command.Replace(",", " , ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => InterfaceNames.Canonical(w) ?? w.ToLowerInvariant()));
    }

    /// <summary>TACACS+ gives the address and the outcome; syslog may date the command first.</summary>
    private static AuditEvent Combine(AuditEvent tacacs, AuditEvent syslog) => tacacs with
    {
        Time = tacacs.Time <= syslog.Time ? tacacs.Time : syslog.Time,
        SourceIp = tacacs.SourceIp != AuditEvent.Unknown ? tacacs.SourceIp : syslog.SourceIp,
        Action = tacacs.Action == AuditAction.Create || syslog.Action == AuditAction.Create ? AuditAction.Create : tacacs.Action,
        UserAgent = tacacs.UserAgent ?? syslog.UserAgent,
        Service = $"{Syslog}+{Tacacs}",
        Evidence = [tacacs.Input, syslog.Input],
        RawJson = Raw(tacacs, syslog),
    };

    private static string Raw(params AuditEvent[] records)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("records");
            foreach (var record in records)
            {
                json.WriteStartObject();
                json.WriteString("log", record.Service);
                json.WriteString("input", record.Input.ToString());
                json.WriteString("eventId", record.EventId);
                json.WriteString("raw", record.RawJson);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
