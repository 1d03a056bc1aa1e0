using System.Globalization;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Audit.Live;

/// <summary>
/// The part every live audit source shares: each scope read from its checkpoint (or the request's start)
/// to the request's end, several at once; events passed on one at a time; a failed scope recorded with
/// its reason while the others complete, and its checkpoint left where it was.
/// </summary>
public static class LiveScopeReads
{
    public static async Task<AuditSourceResult> ReadAsync(
        IReadOnlyList<Scope> scopes,
        AuditReadRequest request,
        LiveReadPlan plan,
        Func<ScopeReading, CancellationToken, Task> read,
        Func<Exception, AuditSourceFailure> classify,
        Action<AuditEvent> onEvent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(classify);
        var gate = new Lock();
        void Emit(AuditEvent e)
        {
            lock (gate)
            {
                onEvent(e);
            }
        }

        var outcomes = new (AuditScopeRead Read, AuditCheckpoint? Checkpoint)[scopes.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, plan.MaxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, scopes.Count, parallel, async (i, ct) =>
        {
            var reading = new ScopeReading(scopes[i], StartOf(scopes[i], request, plan), request.Until, Emit);
            try
            {
                await read(reading, ct);
                outcomes[i] = Succeeded(reading, request, plan);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                outcomes[i] = (new AuditScopeRead(reading.Scope, null, reading.Records, reading.Matched, reading.Malformed, classify(e)), null);
            }
        });

        return new AuditSourceResult(
            [.. outcomes.Select(o => o.Checkpoint).OfType<AuditCheckpoint>()],
            [.. outcomes.Select(o => o.Read)]);
    }

    /// <summary>Where a scope's read starts: after its checkpoint, else at the request's start; never before retention.</summary>
    public static DateTimeOffset StartOf(Scope scope, AuditReadRequest request, LiveReadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        var start = request.CheckpointFor(scope.Key)?.Position is { } position
            && DateTimeOffset.TryParse(position, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stored)
                ? stored
                : request.NotBefore;
        var oldest = request.Until - plan.Retention;
        start = start < oldest ? oldest : start;
        return start > request.Until ? request.Until : start.ToUniversalTime();
    }

    private static (AuditScopeRead, AuditCheckpoint) Succeeded(ScopeReading reading, AuditReadRequest request, LiveReadPlan plan)
    {
        var next = reading.Until - plan.DeliveryLag;
        next = next < reading.Start ? reading.Start : next;
        var newest = reading.Newest ?? request.CheckpointFor(reading.Scope.Key)?.NewestEventTime;
        return (
            new AuditScopeRead(reading.Scope, new AuditWindow(reading.Start, reading.Until), reading.Records, reading.Matched, reading.Malformed),
            new AuditCheckpoint(reading.Scope.Key, next.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), newest));
    }
}
