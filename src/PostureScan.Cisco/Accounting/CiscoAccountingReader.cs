using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// Reads one syslog or TACACS+ accounting input line by line. Each user's configuration session on a
/// device is followed (which monitor session a sub-mode command belongs to); syslog commands wait for
/// the <c>%SYS-5-CONFIG_I</c> line that gives the user's address, and are handed on without one if the
/// input ends first. Device names in the log (syslog host, TACACS+ NAS address) are mapped through the
/// configured aliases.
/// </summary>
internal sealed class CiscoAccountingReader(AuditInput input, DateTimeOffset now, IReadOnlyDictionary<string, string> deviceNames) : ITextAuditReader
{
    /// <summary>Commands kept per user while waiting for their address; beyond that the oldest go on without it.</summary>
    private const int MaxWaiting = 512;

    private readonly Dictionary<(string Device, string User), ConfigContext> contexts = [];
    private readonly Dictionary<(string Device, string User), Queue<Waiting>> waiting = [];
    private readonly HashSet<(string Device, int Session)> seen = [];

    public bool Read(string line, long lineNumber, Action<AuditEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(onEvent);
        if (Parse(line, out var command) is not { } kind)
        {
            return false;
        }

        if (command is null)
        {
            return true; // another message or accounting record of the same log: read, not of interest
        }

        if (command.Time is null)
        {
            return false;
        }

        var device = Device(command.Device);
        var key = (device, command.User ?? AuditEvent.Unknown);
        var at = input with { Record = lineNumber };
        if (command.Kind == CommandEventKind.ConfigExit)
        {
            Release(key, command.SourceAddress, command.Line, onEvent);
            contexts.Remove(key);
            return true;
        }

        var mirror = MirrorCommandClassifier.Classify(command.Command ?? "", contexts.GetValueOrDefault(key), n => seen.Contains((device, n)), out var next, out var text);

        // A rejected command leaves the user in the mode they were in (a denied "monitor session 62" inside
        // session 60's sub-mode keeps the next accepted lines on 60).
        if (!command.Failed)
        {
            Remember(key, next);
        }

        if (mirror is null)
        {
            return true;
        }

        mirror = mirror with { Text = text };

        // A rejected command made or removed no session: the next command on it still creates or changes it.
        if (!command.Failed)
        {
            Track(device, mirror);
        }

        if (kind == CommandEventKind.TacacsAccounting)
        {
            onEvent(CiscoAuditEvents.Create(command, mirror, device, command.SourceAddress, command.Line, line, at));
            return true;
        }

        if (!waiting.TryGetValue(key, out var queue))
        {
            waiting[key] = queue = new Queue<Waiting>();
        }

        if (queue.Count == MaxWaiting)
        {
            var oldest = queue.Dequeue();
            onEvent(CiscoAuditEvents.Create(oldest.Command, oldest.Mirror, device, null, null, oldest.Line, oldest.Input));
        }

        queue.Enqueue(new Waiting(command, mirror, line, at));
        return true;
    }

    public void Complete(Action<AuditEvent> onEvent)
    {
        foreach (var key in waiting.Keys.ToList())
        {
            Release(key, null, null, onEvent);
        }
    }

    /// <summary>The line's kind, with its command event when it is one; null when it is no line of these logs.</summary>
    private CommandEventKind? Parse(string line, out CiscoCommandEvent? command)
    {
        if (CiscoSyslogParser.TryParse(line, now.Year, out command))
        {
            command = InPast(command!, c => CiscoSyslogParser.TryParse(line, now.Year - 1, out var earlier) ? earlier : c);
            return command.Kind;
        }

        if (CiscoSyslogParser.IsMessage(line))
        {
            return CommandEventKind.LoggedCommand;
        }

        if (TacacsAccountingParser.TryParse(line, now.Year, out command))
        {
            command = InPast(command!, c => TacacsAccountingParser.TryParse(line, now.Year - 1, out var earlier) ? earlier : c);
            return CommandEventKind.TacacsAccounting;
        }

        return TacacsAccountingParser.IsRecord(line) ? CommandEventKind.TacacsAccounting : null;
    }

    /// <summary>A log line without a year that would lie in the future was written last year (December read in January).</summary>
    private CiscoCommandEvent InPast(CiscoCommandEvent command, Func<CiscoCommandEvent, CiscoCommandEvent?> lastYear) =>
        command.Time is { } time && time > now.AddDays(1) ? lastYear(command) ?? command : command;

    private string Device(string? logged) =>
        logged is null ? AuditEvent.Unknown : deviceNames.TryGetValue(logged, out var name) ? name : logged;

    private void Remember((string, string) key, ConfigContext? next)
    {
        if (next is null)
        {
            contexts.Remove(key);
        }
        else
        {
            contexts[key] = next;
        }
    }

    private void Track(string device, MirrorCommand mirror)
    {
        if (mirror.Session is not { } n)
        {
            seen.RemoveWhere(s => s.Device == device);
        }
        else if (mirror.Action == AuditAction.Delete)
        {
            seen.Remove((device, n));
        }
        else
        {
            seen.Add((device, n));
        }
    }

    private void Release((string Device, string User) key, string? address, string? line, Action<AuditEvent> onEvent)
    {
        if (!waiting.Remove(key, out var queue))
        {
            return;
        }

        foreach (var w in queue)
        {
            onEvent(CiscoAuditEvents.Create(w.Command, w.Mirror, key.Device, address, line, w.Line, w.Input));
        }
    }

    private sealed record Waiting(CiscoCommandEvent Command, MirrorCommand Mirror, string Line, AuditInput Input);
}
