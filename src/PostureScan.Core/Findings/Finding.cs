using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;

namespace PostureScan.Core.Findings;

/// <summary>
/// One check's verdict on one resource in one run. <see cref="Id"/> is stable across runs (a hash of the
/// check id and the resource id). <see cref="Exception"/> is the policy exception that matched, whether
/// it suppressed the finding or had expired (then <see cref="Note"/> says so).
/// </summary>
public sealed record Finding(
    string Id,
    string CheckId,
    string Title,
    Severity Severity,
    FindingStatus Status,
    string ResourceId,
    Scope Scope,
    string Message,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    Exemption? Exception = null,
    string? Note = null)
{
    /// <summary>Failing now and not suppressed: what <c>--fail-on</c> counts.</summary>
    public bool IsActive => Status is FindingStatus.New or FindingStatus.Open;
}
