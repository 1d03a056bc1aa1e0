using PostureScan.Core.Inventory;

namespace PostureScan.Core.Drift;

/// <summary>
/// One change of one mirror between two runs. <paramref name="Before"/> and <paramref name="After"/> are
/// short descriptions of the changed aspect (null where the mirror did not exist), for people to read.
/// </summary>
public sealed record DriftChange(DriftKind Kind, string SessionId, Scope Scope, string? Before, string? After);
