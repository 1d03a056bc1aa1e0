using PostureScan.Core.Audit;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Attribution;

/// <summary>
/// What the audit logs cover for one scope: the window of time read (over every run so far), and whether
/// this run's read of it failed. A region of <see cref="Scope.Global"/> or <c>*</c> stands for the whole account.
/// </summary>
public sealed record AuditCoverage(string Source, Scope Scope, AuditWindow? Window, AuditSourceFailure? Failure)
{
    public bool Available => Failure is null && Window is not null;

    public bool Covers(Scope scope) => Status.Covers(scope);

    public AuditScopeStatus Status => new(
        Scope,
        Available,
        Failure is { } failure ? $"{Source}: {failure.Message}" : Window is null ? $"{Source}: nothing was read" : null);
}
