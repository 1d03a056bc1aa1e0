using PostureScan.Core.Audit.Reading;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Audit.Live;

/// <summary>
/// One scope's read by a live source: the time range to ask the API for, and the tallies of what came
/// back. <see cref="Emit"/> passes on the events inside the range, one at a time across all scopes.
/// </summary>
public sealed class ScopeReading
{
    private readonly Action<AuditEvent> _emit;
    private long _records;
    private long _matched;
    private long _malformed;
    private long _newestTicks = long.MinValue;

    internal ScopeReading(Scope scope, DateTimeOffset start, DateTimeOffset until, Action<AuditEvent> emit)
    {
        Scope = scope;
        Start = start;
        Until = until;
        _emit = emit;
    }

    public Scope Scope { get; }

    /// <summary>The oldest time to read (the checkpoint, or the request's first-read start, within retention).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The newest time to read.</summary>
    public DateTimeOffset Until { get; }

    public long Records => Interlocked.Read(ref _records);

    public long Matched => Interlocked.Read(ref _matched);

    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>The newest event passed on, if any.</summary>
    public DateTimeOffset? Newest => Interlocked.Read(ref _newestTicks) is var t && t == long.MinValue ? null : new DateTimeOffset(t, TimeSpan.Zero);

    /// <summary>Counts what one input (an API page, a log file) held.</summary>
    public void Add(AuditReadResult input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Interlocked.Add(ref _records, input.Records);
        Interlocked.Add(ref _malformed, input.MalformedCount);
    }

    /// <summary>Passes on an event read for this scope if it lies in the range (log files hold whole hours and days).</summary>
    public void Emit(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (audit.Time < Start || audit.Time > Until)
        {
            return;
        }

        Interlocked.Increment(ref _matched);
        var ticks = audit.Time.UtcTicks;
        long seen;
        while (ticks > (seen = Interlocked.Read(ref _newestTicks)) && Interlocked.CompareExchange(ref _newestTicks, ticks, seen) != seen)
        {
        }

        _emit(audit);
    }
}
