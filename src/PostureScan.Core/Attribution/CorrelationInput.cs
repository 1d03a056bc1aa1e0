using PostureScan.Core.Audit;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Attribution;

/// <summary>What the correlator joins: the inventory, every stored audit event, and what the logs cover.</summary>
/// <param name="Sessions">The sessions of the run to attribute.</param>
/// <param name="Events">Every mirror-related audit event known (stored by earlier runs and read by this one), in any order.</param>
/// <param name="Coverage">What the audit sources cover, per scope, and which of them failed in this run.</param>
/// <param name="RecentSince">Failed attempts and deleted mirrors older than this are history, not reported.</param>
/// <param name="CreatedAfter">
/// Lower bounds on resources' creation times, by resource id: e.g. the start of an earlier run whose
/// successful scan of the scope did not see the resource. A bound inside the window turns a missing
/// create event from "beyond retention" into "missing".
/// </param>
public sealed record CorrelationInput(
    IReadOnlyList<MirrorSession> Sessions,
    IReadOnlyList<AuditEvent> Events,
    IReadOnlyList<AuditCoverage> Coverage,
    DateTimeOffset RecentSince,
    IReadOnlyDictionary<string, DateTimeOffset>? CreatedAfter = null);
