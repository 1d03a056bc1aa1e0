namespace PostureScan.Core.Audit;

/// <summary>An audit read that failed: the kind (for decisions) and a message (for people; may quote the provider).</summary>
public sealed record AuditSourceFailure(AuditSourceFailureKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
