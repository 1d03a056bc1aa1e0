using PostureScan.Core.Inventory;

namespace PostureScan.Core.Findings;

/// <summary>
/// Whether the audit source of a scope was read. A region of <see cref="Scope.Global"/> (or <c>*</c>)
/// stands for every region of the account, as for an organisation trail or an Activity Log.
/// </summary>
public sealed record AuditScopeStatus(Scope Scope, bool Available, string? Error)
{
    public bool Covers(Scope scope) =>
        string.Equals(Scope.Provider, scope.Provider, StringComparison.Ordinal)
        && string.Equals(Scope.Account, scope.Account, StringComparison.OrdinalIgnoreCase)
        && (Scope.Region is Scope.Global or "*" || string.Equals(Scope.Region, scope.Region, StringComparison.Ordinal));
}
