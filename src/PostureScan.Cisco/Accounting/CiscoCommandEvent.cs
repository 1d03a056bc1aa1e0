namespace PostureScan.Cisco.Accounting;

/// <summary>
/// One device command seen in syslog or TACACS+ accounting. Every field is device-supplied and bounded.
/// <paramref name="Time"/> is UTC (device clocks without a zone are read as UTC); <paramref name="Device"/>
/// is the host name in the syslog line or the NAS address of the accounting record;
/// <paramref name="SessionNumber"/> is set for <c>[no] monitor session N ...</c> commands, while sub-mode
/// commands (<c>erspan-id 10</c>) leave it null and belong to the session opened before them.
/// <paramref name="Failed"/> is set when the record says the command failed or was refused (a TACACS+
/// server's <c>result=</c> or <c>status=</c> attribute); syslog logs only accepted commands.
/// </summary>
public sealed record CiscoCommandEvent(
    CommandEventKind Kind,
    DateTimeOffset? Time,
    string? Device,
    string? User,
    string? SourceAddress,
    string? Line,
    string? Command,
    int? SessionNumber,
    bool Failed = false);
