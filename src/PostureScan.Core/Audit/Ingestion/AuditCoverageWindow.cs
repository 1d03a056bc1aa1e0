using PostureScan.Core.Inventory;

namespace PostureScan.Core.Audit.Ingestion;

/// <summary>The time a source has covered for a scope, over every run so far (stored).</summary>
public sealed record AuditCoverageWindow(string Source, Scope Scope, AuditWindow Window);
