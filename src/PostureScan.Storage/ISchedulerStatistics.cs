namespace PostureScan.Storage;

/// <summary>
/// A store that also holds Quartz's job store and can refresh what its query planner knows of the trigger table.
/// </summary>
/// <remarks>
/// PostgreSQL plans a prepared statement once for good after its fifth execution, on the statistics of that moment.
/// A cluster's nodes prepare Quartz's acquisition read while they poll an empty trigger table between runs, so its
/// plan then scans and sorts the whole table: with a run's 2,040 scope triggers stored, the reads of a two-node run
/// averaged 4.2 ms, and 0.8 ms with the statistics refreshed once the triggers were stored (bench/README.md, fifteenth
/// round). New statistics invalidate those plans and the next ones use the table's indexes. Autovacuum refreshes them
/// only at a moment of its own, in some runs not at all.
/// </remarks>
public interface ISchedulerStatistics
{
    /// <summary>Refreshes the statistics of the trigger table, once a run's triggers are stored.</summary>
    Task RefreshSchedulerStatisticsAsync(CancellationToken cancellationToken);
}
