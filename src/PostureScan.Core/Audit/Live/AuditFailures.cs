using PostureScan.Core.Scanning;

namespace PostureScan.Core.Audit.Live;

/// <summary>An audit failure from a provider's classification of an inventory error: the same reasons, one table.</summary>
public static class AuditFailures
{
    private static readonly Dictionary<ScopeErrorKind, AuditSourceFailureKind> FromScope = new()
    {
        [ScopeErrorKind.AccessDenied] = AuditSourceFailureKind.AccessDenied,
        [ScopeErrorKind.RegionDisabled] = AuditSourceFailureKind.AccessDenied,
        [ScopeErrorKind.Throttled] = AuditSourceFailureKind.Throttled,
        [ScopeErrorKind.Unreachable] = AuditSourceFailureKind.Unreachable,
        [ScopeErrorKind.InvalidResponse] = AuditSourceFailureKind.InvalidResponse,
        [ScopeErrorKind.Cancelled] = AuditSourceFailureKind.Other,
        [ScopeErrorKind.Other] = AuditSourceFailureKind.Other,
    };

    public static AuditSourceFailure FromScopeError((ScopeErrorKind Kind, string Message) error) =>
        new(FromScope.GetValueOrDefault(error.Kind, AuditSourceFailureKind.Other), error.Message);

    /// <summary>The scope reads of discovery failures (an account whose regions, a tenant whose subscriptions could not be listed).</summary>
    public static IReadOnlyList<AuditScopeRead> FromDiscovery(IEnumerable<ScopeResult> failures) =>
        [.. failures.Select(f => new AuditScopeRead(f.Scope, null, 0, 0, 0, FromScopeError((f.ErrorKind ?? ScopeErrorKind.Other, f.Error ?? "discovery failed"))))];
}
