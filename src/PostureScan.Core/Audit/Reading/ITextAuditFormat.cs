namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// A line-oriented audit log (device syslog, TACACS+ command accounting) that <see cref="AuditLogReader"/>
/// reads besides the JSON logs. An input that does not start with JSON goes to the first format that
/// recognises its first non-blank line; the platform comes from the content, never from a file name.
/// </summary>
public interface ITextAuditFormat
{
    /// <summary>True when <paramref name="line"/> is a record of this format (any record, not only a matching one).</summary>
    bool Recognises(string line);

    /// <summary>A reader for one input, holding what spans lines (an open configuration sub-mode, commands awaiting their source address).</summary>
    ITextAuditReader Open(AuditInput input);
}
