using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PostureScan.Hosting;
using PostureScan.Serve;
using PostureScan.Storage;
using Quartz;

namespace PostureScan.Tests.Serve;

/// <summary>A serve host in this process, on a fake clock, a controlled source, a temporary database and a free loopback port.</summary>
internal sealed class ServeTestHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool stopped;

    private ServeTestHost(WebApplication app, RunStore store)
    {
        this.app = app;
        Store = store;
    }

    public RunStore Store { get; }

    public Uri BaseAddress => new(app.Urls.Single());

    public static async Task<ServeTestHost> StartAsync(
        string database, FakeTimeProvider clock, ControlledSource source, string cron = "0 0 2 * * ?", Action<ServeSettings>? configure = null, AuditSourceFactory? audit = null, string? postgres = null, int maxConcurrency = 4)
    {
        // Given a PostgreSQL database, the host runs in cluster mode on it (a cluster of one); otherwise on the SQLite file.
        RunStore store = postgres is null
            ? await SqliteRunStore.OpenAsync(database, clock, CancellationToken.None)
            : await PostgresRunStore.OpenAsync(postgres, clock, CancellationToken.None);
        var location = postgres is null ? new StoreLocation(StoreLocation.Sqlite, Path.GetFullPath(database)) : new StoreLocation(StoreLocation.Postgres, postgres);
        var settings = new ServeSettings { ScanCron = cron, TimeZone = "UTC", MetricsPort = 0 };
        configure?.Invoke(settings);
        var options = new ServeHostOptions(settings, new ScanSettings { MaxConcurrency = maxConcurrency }, location, store, new InventorySourceFactory(() => [source]), null, clock, audit);
        var app = ServeHost.Build(options);
        await app.StartAsync();
        return new ServeTestHost(app, store);
    }

    public T Service<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    public async Task<IScheduler> SchedulerAsync() => await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>Waits (real time, bounded) until the store holds <paramref name="count"/> runs.</summary>
    public async Task<int> WaitForRunsAsync(int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var runs = (await Store.ListRunsAsync(CancellationToken.None)).Count;
            if (runs >= count || clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                return runs;
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Waits (real time, bounded) until <paramref name="done"/> holds.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                return false;
            }

            await Task.Delay(25);
        }

        return true;
    }

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
        await Store.DisposeAsync();
    }
}
