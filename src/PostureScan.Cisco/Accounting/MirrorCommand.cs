using PostureScan.Core.Audit;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// A configuration command that changes a monitor session: which session (null for <c>no monitor session all</c>),
/// what it did, and the command with its keywords written out (<c>mon ses 1 sou int gi1/0/1</c> reads
/// <c>monitor session 1 source interface gi1/0/1</c>).
/// </summary>
internal sealed record MirrorCommand(int? Session, AuditAction Action, string Text = "");
