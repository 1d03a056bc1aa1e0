using PostureScan.Core.Inventory;

namespace PostureScan.Core.Audit.Ingestion;

/// <summary>
/// What one audit source read in one run, for one scope (or for the whole source when
/// <paramref name="Scope"/> is null): the window, the counts, and the failure if it failed.
/// </summary>
public sealed record AuditSourceStatus(
    string Source,
    Scope? Scope,
    AuditWindow? Window,
    long Records,
    long Matched,
    long Malformed,
    long Stored,
    AuditSourceFailure? Failure)
{
    public bool Succeeded => Failure is null;
}
