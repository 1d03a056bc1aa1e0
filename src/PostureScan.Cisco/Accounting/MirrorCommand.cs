using PostureScan.Core.Audit;

namespace PostureScan.Cisco.Accounting;

/// <summary>A configuration command that changes a monitor session: which session (null for <c>no monitor session all</c>) and what it did.</summary>
internal sealed record MirrorCommand(int? Session, AuditAction Action);
