using PostureScan.Hosting;

namespace PostureScan.Serve;

/// <summary>
/// The scopes a node collects at once (Scan:MaxConcurrency), shared by every account job running on it: a node may
/// run several accounts side by side, and their scopes take turns for these slots. <see cref="SlotGatedThreadPool"/>
/// asks Quartz for another account only while a slot is idle.
/// </summary>
internal sealed class ScopeSlots(ScanSettings scan) : IDisposable
{
    // The work this node's pool has just started and that has not yet taken a slot (see Reserve).
    private static readonly AsyncLocal<Reservation?> Started = new();

    private readonly SemaphoreSlim slots = new(Math.Max(1, scan.MaxConcurrency));
    private readonly Lock gate = new();
    private TaskCompletionSource? released;
    private int reserved;

    /// <summary>Slots no scope holds or waits for, and no work just started has reserved.</summary>
    public int Idle
    {
        get
        {
            lock (gate)
            {
                return IdleLocked;
            }
        }
    }

    private int IdleLocked => Math.Max(0, slots.CurrentCount - reserved);

    /// <summary>Waits for a slot; the returned lease gives it back.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);

        // The first slot taken in a work item is the one reserved for it.
        Started.Value?.Settle(signal: false);
        return new Lease(this);
    }

    /// <summary>
    /// Holds one idle slot for work the pool is about to start, until the work takes a slot or ends, whichever comes
    /// first: until its job's first scope has begun, the node does not look idle for it and take more. Taken where the
    /// work is handed over; the work itself calls <see cref="Reservation.Enter"/> before its job runs.
    /// </summary>
    public Reservation Reserve()
    {
        lock (gate)
        {
            reserved++;
        }

        return new Reservation(this);
    }

    /// <summary>Waits until a slot is idle and returns how many are; 0 if cancelled first.</summary>
    public async ValueTask<int> WaitForIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task change;
            lock (gate)
            {
                if (IdleLocked > 0)
                {
                    return IdleLocked;
                }

                // Every release completes this, so a slot freed after the count was read is never missed.
                change = (released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            try
            {
                await change.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
    }

    public void Dispose() => slots.Dispose();

    private void Release()
    {
        slots.Release();
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource? waiting;
        lock (gate)
        {
            (waiting, released) = (released, null);
        }

        waiting?.TrySetResult();
    }

    /// <summary>One slot held for work about to start (see <see cref="Reserve"/>); disposed when the work ends.</summary>
    internal sealed class Reservation(ScopeSlots owner) : IDisposable
    {
        private int settled;

        /// <summary>Makes this the reservation of the calling flow: the first slot taken in it settles the reservation.</summary>
        public void Enter() => Started.Value = this;

        public void Settle(bool signal)
        {
            if (Interlocked.Exchange(ref settled, 1) == 0)
            {
                lock (owner.gate)
                {
                    owner.reserved--;
                }

                if (signal)
                {
                    owner.Signal();
                }
            }
        }

        public void Dispose() => Settle(signal: true);
    }

    private sealed class Lease(ScopeSlots owner) : IDisposable
    {
        private int returned;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref returned, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
