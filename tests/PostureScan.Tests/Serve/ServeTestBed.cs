using Microsoft.Extensions.Time.Testing;
using PostureScan.Serve;
using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>
/// What the schedule and scope-job tests start from: a temporary directory holding the database, a fake clock at
/// 23:00 the evening before the nightly scan (02:00), and a controlled source of two scopes. Hosts started from one
/// bed share all three, so a second host is a restart of the first.
/// </summary>
internal sealed class ServeTestBed(ControlledSource? source = null) : IDisposable
{
    public static readonly DateTimeOffset Evening = new(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);

    /// <summary>The nightly scan after <see cref="Evening"/>.</summary>
    public static readonly DateTimeOffset NightlyScan = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory dir = new();

    public FakeTimeProvider Clock { get; } = new(Evening);

    public ControlledSource Source { get; } = source ?? new ControlledSource();

    public string Database => dir.File("serve.db");

    public string File(string relative) => dir.File(relative);

    /// <param name="postgres">A PostgreSQL database to run on in cluster mode, instead of the SQLite file.</param>
    /// <param name="maxConcurrency">Scan:MaxConcurrency, the scopes the node collects at once.</param>
    public Task<ServeTestHost> StartAsync(Action<ServeSettings>? configure = null, string? postgres = null, int maxConcurrency = 4) =>
        ServeTestHost.StartAsync(Database, Clock, Source, configure: configure, postgres: postgres, maxConcurrency: maxConcurrency);

    /// <summary>Holds the source, fires the scan job now, and waits until both scopes are being collected; returns the open run's id.</summary>
    public async Task<string> FireHeldScanAsync(ServeTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        Source.Hold();
        await (await host.SchedulerAsync()).TriggerJob(ScanJob.Key);
        Assert.True(await ServeTestHost.WaitUntilAsync(() => Task.FromResult(Source.Collections == 2)));
        return Assert.Single(await host.Store.ListStagedRunsAsync(CancellationToken.None)).RunId;
    }

    public void Dispose() => dir.Dispose();
}
