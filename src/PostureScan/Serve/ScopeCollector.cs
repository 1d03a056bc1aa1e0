using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The scopes of one account in one run, side by side as far as the node's <see cref="ScopeSlots"/> allow; each
/// scope on its own: collect it, stage the result, and when it was the last scope pending, fire the
/// commit. A failed collection is staged as a failed scope (it reads as failed, never as "mirrors removed");
/// a collection abandoned by shutdown stages nothing and ends in cancellation, so that Quartz hands the firing
/// back: another node collects the scope, or this one at its next start.
/// </summary>
internal sealed partial class ScopeCollector(
    InventorySourceFactory sources,
    StagingQueue staging,
    ScopeSlots slots,
    ServeStore store,
    TimeProvider time,
    ServeMetrics metrics,
    ILogger<ScopeCollector> logger)
{
    /// <summary>
    /// Collects and stages each of <paramref name="scopes"/> (one account's), and ends in cancellation if shutdown
    /// abandoned any of them, so that Quartz hands the firing back. A recovered firing collects only the scopes its
    /// run still has pending: what its first node staged before it stopped is kept, not collected again.
    /// </summary>
    public async Task CollectAccountAsync(IScheduler scheduler, string runId, IReadOnlyList<Scope> scopes, bool recovering, CancellationToken cancellationToken)
    {
        if (recovering)
        {
            scopes = await StillPendingAsync(runId, scopes, cancellationToken);
        }

        var collections = scopes.Select(scope => CollectInSlotAsync(scheduler, runId, scope, recovering, cancellationToken)).ToList();
        await Task.WhenAll(collections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        // Cancellation before any other error: only a firing that ends in cancellation is handed back, and its
        // recovery collects every scope still pending, the one whose staging failed included.
        if (cancellationToken.IsCancellationRequested && collections.Any(c => c.IsCanceled))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        if (collections.FirstOrDefault(c => c.IsFaulted) is { Exception.InnerException: { } error })
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    private async Task<IReadOnlyList<Scope>> StillPendingAsync(string runId, IReadOnlyList<Scope> scopes, CancellationToken cancellationToken)
    {
        var staged = await store.Staging.GetStagedRunAsync(runId, cancellationToken);
        if (staged is null)
        {
            return [];
        }

        var pending = staged.Pending.ToHashSet();
        return [.. scopes.Where(pending.Contains)];
    }

    /// <summary>
    /// Collects the scope in one of the node's slots and stages it after giving the slot back: the slot is for the
    /// calls to the cloud, and a staging waits on the run's row, taken in turn by every node's stagings.
    /// </summary>
    private async Task CollectInSlotAsync(IScheduler scheduler, string runId, Scope scope, bool recovering, CancellationToken cancellationToken)
    {
        ScopeInventory inventory;
        using (await slots.TakeAsync(cancellationToken))
        {
            inventory = await CollectAsync(runId, scope, recovering, cancellationToken);
        }

        await StageAsync(scheduler, runId, scope, inventory);
    }

    private async Task<ScopeInventory> CollectAsync(string runId, Scope scope, bool recovering, CancellationToken cancellationToken)
    {
        if (recovering)
        {
            Recovering(logger, runId, scope.Key);
        }

        try
        {
            return await CollectAsync(runId, scope, time.GetTimestamp(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            metrics.ScopeAbandoned();
            Abandoned(logger, runId, scope.Key);
            throw;
        }
    }

    private async Task StageAsync(IScheduler scheduler, string runId, Scope scope, ScopeInventory inventory)
    {
        // Staging is not cancelled by shutdown: a finished collection is kept, it takes one short transaction
        // (shared with the scopes of this node that finished meanwhile).
        var progress = await staging.StageAsync(runId, inventory);
        if (progress is null)
        {
            Late(logger, runId, scope.Key);
            return;
        }

        metrics.ScopeStaged(inventory.Result);
        Staged(logger, runId, scope.Key, inventory.Result.Status, inventory.Sessions.Count, progress.Staged, progress.Planned);
        if (progress.IsComplete)
        {
            await RunCommitter.FireAsync(scheduler, runId, time, CancellationToken.None);
        }
    }

    private async Task<ScopeInventory> CollectAsync(string runId, Scope scope, long started, CancellationToken cancellationToken)
    {
        var source = sources.ForRun(runId).FirstOrDefault(s => string.Equals(s.Provider, scope.Provider, StringComparison.Ordinal));
        if (source is null)
        {
            return ScopeInventory.Failed(ScopeResult.Failed(
                scope, ScopeErrorKind.Other, $"provider {scope.Provider} is no longer configured", 0, TimeSpan.Zero));
        }

        try
        {
            return await source.CollectAsync(scope, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The same backstop as the scan command's: a source's surprise is a failed scope, not a lost run.
            return ScopeInventory.Failed(ScopeResult.Failed(
                scope, ScopeErrorKind.Other, $"{ex.GetType().Name}: {ex.Message}", 0, time.GetElapsedTime(started)));
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Run {RunId} scope {Scope} staged: {Status}, {Sessions} sessions ({Staged} of {Planned} scopes)")]
    private static partial void Staged(ILogger logger, string runId, string scope, ScopeStatus status, int sessions, int staged, int planned);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Run {RunId} scope {Scope} abandoned by shutdown; it stays pending and is handed back, to another node or to this one at its next start")]
    private static partial void Abandoned(ILogger logger, string runId, string scope);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Run {RunId} scope {Scope} finished after the run was closed; its result is dropped")]
    private static partial void Late(ILogger logger, string runId, string scope);

    [LoggerMessage(EventId = 33, Level = LogLevel.Warning, Message = "Run {RunId} scope {Scope} is being recovered after its node stopped mid-job; collecting it again")]
    private static partial void Recovering(ILogger logger, string runId, string scope);
}
