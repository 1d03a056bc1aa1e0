namespace PostureScan.Core.Audit;

/// <summary>
/// The span of time an audit source answers for: <paramref name="Oldest"/> is the oldest time it could
/// return (its retention, or the oldest record of the files read), <paramref name="Newest"/> the newest.
/// A resource created before <paramref name="Oldest"/> is beyond retention; one created inside the window
/// without a create event is missing.
/// </summary>
public sealed record AuditWindow(DateTimeOffset Oldest, DateTimeOffset Newest)
{
    public bool Contains(DateTimeOffset time) => time >= Oldest && time <= Newest;

    /// <summary>The smallest window holding both (null counts as empty).</summary>
    public static AuditWindow? Union(AuditWindow? a, AuditWindow? b) =>
        (a, b) switch
        {
            (null, _) => b,
            (_, null) => a,
            _ => new AuditWindow(a.Oldest < b.Oldest ? a.Oldest : b.Oldest, a.Newest > b.Newest ? a.Newest : b.Newest),
        };

    public override string ToString() => $"{Oldest:yyyy-MM-ddTHH:mm:ssZ} to {Newest:yyyy-MM-ddTHH:mm:ssZ}";
}
