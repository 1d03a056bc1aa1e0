namespace PostureScan.Emulator.ActivityLog;

/// <summary>One Activity Log event as served: what the $filter tests, the paging key, and the rendered JSON.</summary>
/// <param name="PageKey">Sorts newest first (ARM pages by the last key served).</param>
/// <param name="Submitted">When the service ingested the event: it is not listed before then.</param>
internal sealed record ActivityEvent(
    DateTimeOffset Time,
    string PageKey,
    string ResourceId,
    string ResourceGroup,
    string ResourceProvider,
    string CorrelationId,
    string Json,
    DateTimeOffset Submitted);
