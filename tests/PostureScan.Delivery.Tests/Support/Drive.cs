namespace PostureScan.Delivery.Tests.Support;

/// <summary>Runs a delivery pass on the fake clock: at each wait it starts, lets the test act, then moves time past it.</summary>
internal static class Drive
{
    public static async Task<IReadOnlyList<TimeSpan>> UntilDoneAsync<T>(Task<T> pass, ObservedTime time, Func<int, TimeSpan, Task>? onWait = null)
    {
        var waits = new List<TimeSpan>();
        using var stop = new CancellationTokenSource();
        while (true)
        {
            var next = time.NextWaitAsync(stop.Token).AsTask();
            if (await Task.WhenAny(pass, next) == pass)
            {
                await stop.CancelAsync();
                await pass;
                return waits;
            }

            var wait = await next;
            waits.Add(wait);
            if (onWait is not null)
            {
                await onWait(waits.Count, wait);
            }

            time.Fake.Advance(wait);
        }
    }
}
