using PostureScan.Core.Inventory;

namespace PostureScan.Core.Audit;

/// <summary>
/// What a source read for one scope. A region of <see cref="Scope.Global"/> or <c>*</c> stands for every
/// region of the account (an organisation trail, an Activity Log, a project's Cloud Logging).
/// </summary>
/// <param name="Window">The time covered; null when nothing could be read.</param>
/// <param name="Records">Log records read (matching or not).</param>
/// <param name="Matched">Mirror-related events passed on.</param>
/// <param name="Malformed">Records that could not be read; the rest were.</param>
/// <param name="Failure">Why this scope could not be read (fully), or null.</param>
public sealed record AuditScopeRead(
    Scope Scope,
    AuditWindow? Window,
    long Records,
    long Matched,
    long Malformed,
    AuditSourceFailure? Failure = null)
{
    public bool Succeeded => Failure is null;
}
