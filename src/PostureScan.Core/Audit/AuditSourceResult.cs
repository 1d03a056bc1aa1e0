namespace PostureScan.Core.Audit;

/// <summary>
/// The outcome of one <see cref="IAuditSource.ReadAsync"/>: the checkpoints to store (replacing those
/// with the same key), what each scope covered, and a failure of the whole source (bad credentials,
/// unreachable endpoint, missing files) when nothing could be read.
/// </summary>
/// <param name="Inputs">What each input (file, API page set) held, where the source reads inputs that span scopes; the counts then come from these.</param>
public sealed record AuditSourceResult(
    IReadOnlyList<AuditCheckpoint> Checkpoints,
    IReadOnlyList<AuditScopeRead> Scopes,
    AuditSourceFailure? Failure = null,
    IReadOnlyList<Reading.AuditReadResult>? Inputs = null)
{
    public long Records => Inputs?.Sum(i => i.Records) ?? Scopes.Sum(s => s.Records);

    public long Matched => Inputs?.Sum(i => i.Matched) ?? Scopes.Sum(s => s.Matched);

    public long Malformed => Inputs?.Sum(i => i.MalformedCount) ?? Scopes.Sum(s => s.Malformed);

    public bool Succeeded => Failure is null && Scopes.All(s => s.Succeeded);

    public static AuditSourceResult Failed(AuditSourceFailureKind kind, string message) =>
        new([], [], new AuditSourceFailure(kind, message));
}
