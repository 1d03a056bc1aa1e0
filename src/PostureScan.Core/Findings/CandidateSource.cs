using PostureScan.Core.Inventory;

namespace PostureScan.Core.Findings;

/// <summary>
/// A source that could be mirrored (an ENI, a NIC, an instance), listed by a collector so that coverage
/// rules can ask whether it is mirrored to its collector.
/// </summary>
public sealed record CandidateSource(Scope Scope, MirroredSource Source);
