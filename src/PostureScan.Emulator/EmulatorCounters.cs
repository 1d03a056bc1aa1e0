using System.Collections.Concurrent;

namespace PostureScan.Emulator;

/// <summary>
/// Thread-safe counts of what the emulator was asked: served calls per action and per scope,
/// rejected calls per action (writes and unsupported reads), throttled responses, requests the
/// emulator failed to answer. Tests use <see cref="TotalRejectedWrites"/> to prove a scanner never
/// tried to change a cloud.
/// </summary>
public sealed class EmulatorCounters
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _scopeCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _rejectedWrites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _unsupportedReads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _throttled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<AuditQuery> _auditQueries = new();
    private readonly ConcurrentQueue<string> _failures = new();

    /// <summary>Calls to served actions, whatever their outcome (throttled and failed included).</summary>
    public long TotalCalls => _calls.Values.Sum();

    /// <summary>Calls of actions that are not read-only (Create*, Delete*, Modify*...), all refused.</summary>
    public long TotalRejectedWrites => _rejectedWrites.Values.Sum();

    /// <summary>Responses that were RequestLimitExceeded (or the service's throttling error).</summary>
    public long TotalThrottled => _throttled.Values.Sum();

    public IReadOnlyDictionary<string, long> CallsByAction => Snapshot(_calls);

    /// <summary>Authenticated calls to regional services (not STS), keyed "account/region".</summary>
    public IReadOnlyDictionary<string, long> CallsByScope => Snapshot(_scopeCalls);

    public IReadOnlyDictionary<string, long> RejectedWritesByAction => Snapshot(_rejectedWrites);

    /// <summary>Read-named actions the emulator does not serve (answered InvalidAction).</summary>
    public IReadOnlyDictionary<string, long> UnsupportedReadsByAction => Snapshot(_unsupportedReads);

    /// <summary>S3 listings (ListObjectsV2) per "bucket/prefix" asked for, so tests can see which folders a reader listed.</summary>
    public IReadOnlyDictionary<string, long> ListedPrefixes => Snapshot(_listings);

    /// <summary>Every ranged audit-log read served (each page of a listing counts), in the order they arrived.</summary>
    public IReadOnlyList<AuditQuery> AuditQueries => [.. _auditQueries];

    /// <summary>
    /// Requests the emulator failed to answer because a handler threw, as their request log lines say
    /// (method, path, exception); empty unless the emulator has a bug.
    /// </summary>
    public IReadOnlyList<string> Failures => [.. _failures];

    public long Calls(string action) => Get(_calls, action);

    public long CallsInScope(string account, string region) => Get(_scopeCalls, ScopeKey(account, region));

    public long RejectedWrites(string action) => Get(_rejectedWrites, action);

    public long Throttled(string account, string region) => Get(_throttled, ScopeKey(account, region));

    internal void RecordCall(string action) => Increment(_calls, action);

    internal void RecordScopeCall(string account, string region) => Increment(_scopeCalls, ScopeKey(account, region));

    internal void RecordRejected(string action, bool isWrite) => Increment(isWrite ? _rejectedWrites : _unsupportedReads, action);

    internal void RecordThrottled(string account, string region) => Increment(_throttled, ScopeKey(account, region));

    internal void RecordListing(string bucket, string prefix) => Increment(_listings, $"{bucket}/{prefix}");

    internal void RecordAuditQuery(AuditQuery query) => _auditQueries.Enqueue(query);

    internal void RecordFailure(string failure) => _failures.Enqueue(failure);

    private static string ScopeKey(string account, string region) => $"{account}/{region}";

    private static void Increment(ConcurrentDictionary<string, long> counts, string key) =>
        counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    private static long Get(ConcurrentDictionary<string, long> counts, string key) => counts.TryGetValue(key, out var n) ? n : 0;

    private static Dictionary<string, long> Snapshot(ConcurrentDictionary<string, long> counts) =>
        counts.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
