namespace PostureScan.Cisco.Accounting;

/// <summary>Where a device command record came from.</summary>
public enum CommandEventKind
{
    /// <summary>Syslog <c>%PARSER-5-CFGLOG_LOGGEDCMD</c>: one configuration command as typed (needs <c>archive log config</c>).</summary>
    LoggedCommand,

    /// <summary>Syslog <c>%SYS-5-CONFIG_I</c>: a user left configuration mode; carries the line and source address.</summary>
    ConfigExit,

    /// <summary>A TACACS+ command accounting record (tac_plus log line).</summary>
    TacacsAccounting,
}
