using PostureScan.Core.Inventory;

namespace PostureScan.Core.Attribution;

/// <summary>
/// One resource of a mirror that is attributed on its own. <paramref name="CreatedAfter"/> names the parts it
/// refers to, which must exist before it (a session after its target and filter), bounding its creation time.
/// </summary>
/// <param name="Scope">The scope whose audit logs record it: the mirror's, unless the part lives in another account.</param>
public sealed record SessionPart(string Kind, string ResourceId, Scope Scope, IReadOnlyList<string> CreatedAfter);
