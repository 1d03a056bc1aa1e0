using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Cli.Detect;

/// <summary>What reading one input gave: its counts and matched events, or why it could not be read.</summary>
internal sealed record InputOutcome(string Input, AuditReadResult? Result, IReadOnlyList<AuditEvent> Events, string? Unreadable);
