namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// Reads the lines of one text input in order. The format decides which records concern mirrors (a
/// sub-mode command is one only by what came before it), so every event it hands on counts as matched.
/// </summary>
public interface ITextAuditReader
{
    /// <summary>
    /// Reads one line (1-based <paramref name="lineNumber"/>); events completed by it go to <paramref name="onEvent"/>.
    /// False when the line is not a record of the format: it is then counted malformed.
    /// </summary>
    bool Read(string line, long lineNumber, Action<AuditEvent> onEvent);

    /// <summary>The input ended: hands on the events still waiting for a later line.</summary>
    void Complete(Action<AuditEvent> onEvent);
}
