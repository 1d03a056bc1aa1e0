using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// Cisco device accounting as an audit log: IOS/IOS-XE syslog (<c>%PARSER-5-CFGLOG_LOGGEDCMD</c> commands,
/// <c>%SYS-5-CONFIG_I</c> for the user's line and address) and tac_plus TACACS+ command accounting. Given to
/// <see cref="AuditLogReader"/> through <see cref="AuditReaderOptions.TextFormats"/>, it turns every command
/// that creates, changes or removes a monitor session — ERSPAN sub-mode commands included, tied to their
/// session by order — into an <see cref="AuditEvent"/> of platform Cisco: actor the user, source the
/// address, scope the device, resource <c>DEVICE/session/N</c> as the inventory names it.
/// </summary>
public sealed class CiscoAccountingFormat : ITextAuditFormat
{
    private readonly TimeProvider time;
    private readonly Dictionary<string, string> deviceNames;

    /// <param name="time">The clock that dates lines logged without a year (the most recent such date not in the future).</param>
    /// <param name="deviceNames">
    /// Device names by the name or address the logs use (a syslog host name, a TACACS+ NAS address), so events
    /// meet the inventory's device names; names not listed are used as logged.
    /// </param>
    public CiscoAccountingFormat(TimeProvider? time = null, IReadOnlyDictionary<string, string>? deviceNames = null)
    {
        this.time = time ?? TimeProvider.System;
        this.deviceNames = new Dictionary<string, string>(deviceNames ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reader options that read Cisco accounting besides the JSON audit logs.</summary>
    public static AuditReaderOptions ReaderOptions(TimeProvider? time = null, IReadOnlyDictionary<string, string>? deviceNames = null, AuditReaderOptions? options = null) =>
        (options ?? AuditReaderOptions.Default) with { TextFormats = [new CiscoAccountingFormat(time, deviceNames)] };

    public bool Recognises(string line) => CiscoSyslogParser.IsMessage(line) || TacacsAccountingParser.IsRecord(line);

    public ITextAuditReader Open(AuditInput input) => new CiscoAccountingReader(input, time.GetUtcNow(), deviceNames);
}
