using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PostureScan.Cli;
using PostureScan.Storage;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The serve process: one generic host with Quartz (job store in the run store's database: the SQLite file,
/// or the shared PostgreSQL database, clustered) and Kestrel answering /healthz and /metrics.
/// </summary>
internal static class ServeHost
{
    /// <summary>
    /// How often an idle cluster node looks for due triggers (Quartz's least): one cheap query. A node learns of the
    /// account jobs another node fires only when it looks, so it joins a run up to this long after the run begins.
    /// </summary>
    internal static readonly TimeSpan ClusterIdleWait = TimeSpan.FromSeconds(1);

    public static WebApplication Build(ServeHostOptions options)
    {
        ServeSchedule.Validate(options.Serve, options.Scan);

        // The empty builder: no appsettings.json from the working directory and no ASPNETCORE_ variables;
        // configuration is ours alone.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            k.Listen(IPAddress.Parse(options.Serve.ListenAddress), options.Serve.MetricsPort));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            // Every entry on standard error, as for every other command: standard output stays for what a command prints.
            logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            if (string.Equals(options.Serve.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
            {
                logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
            }
            else
            {
                logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z' ";
                });
            }
        });

        var services = builder.Services;
        services.AddSingleton(options.Time);
        services.AddSingleton(options.Serve);
        services.AddSingleton(options.Scan);
        services.AddSingleton(options.Store);
        services.AddSingleton(new ServeMetrics());
        services.AddSingleton(new LatestRunGauges(options.Store, options.Time));
        services.AddServeJobs(options);
        services.AddQuartz(q =>
        {
            q.UseTimeProvider(options.Time);
            q.UseThreadPool<SlotGatedThreadPool>();
            // The job store's tables come with the store's migrations, which ran when the store was opened.
            q.UsePersistentStore(store =>
            {
                if (options.Database.IsPostgres)
                {
                    store.UsePostgres(PostgresConnectionString.Tuned(options.Database.Target));
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.Serve.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = options.Serve.ClusterCheckinInterval;
                    });
                    // New jobs and triggers (a run's account firings) are inserted without the TRIGGER_ACCESS lock, which
                    // every node's scheduler thread waits on; AccountFiring keeps the lock for the one case that needs
                    // it, an account whose earlier trigger has not completed.
                    store.ConfigureStore(o => o.LockOnInsert = false);
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, QuartzConnectionString(options.Database.Target));
                }

                // A firing that shutdown cancels is handed back as a recovery trigger, in the transaction that
                // completes it: another node collects the scope at once (before, a stopped node's scopes waited
                // for it, or any node, to start again), or this node does at its next start.
                store.ConfigureStore(o => o.RecoverFiringsCancelledByShutdown = true);
            });
        });

        services.Configure<ThreadPoolOptions>(o => o.MaxConcurrency = ServeSchedule.Threads(options.Scan));
        services.Configure<QuartzSchedulerOptions>(o =>
        {
            // One trigger per acquisition unless Serve:TriggerBatchSize says more. A batch is acquired and fired
            // inside one turn of the job store's lock, a turn as long as the batch: on a cluster the other nodes
            // wait on it, and two nodes ran slower with batches of 8; one node alone ran faster with them, taking
            // fewer turns per scope (bench/README.md, eleventh round).
            o.MaxBatchSize = options.Serve.TriggerBatchSize;
            // Shutdown (SIGTERM) cancels the jobs' tokens and still waits for them to unwind: a scope in
            // collection is abandoned rather than finished, and only a cancellation Quartz signals itself
            // counts as one it may hand back for recovery.
            o.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
        });

        if (options.Database.IsPostgres)
        {
            // Cluster mode: every node names itself, and Quartz's own row locks in the shared tables decide
            // which node fires a trigger and which recovers the jobs of a node that stopped checking in.
            services.Configure<QuartzSchedulerOptions>(o =>
            {
                o.GenerateInstanceId = true;
                // Triggers another node schedules (a run's account jobs) are not signalled here: an idle node finds
                // them only when its idle wait ends, and at Quartz's 30 s default it would sit out most of a run.
                o.IdleWaitTime = ClusterIdleWait;
            });
        }

        // The scheduler starts inside StartAsync (not after application start), so that the schedule
        // service below, registered after it, finds the job store's tables in place.
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = false;
        });
        services.AddHostedService<ScanSchedule>();
        if (options.Delivery is not null)
        {
            services.AddHostedService<DeliverySchedule>();
        }

        var app = builder.Build();
        OperationsEndpoints.Map(app);
        return app;
    }

    /// <summary>The run store's file, with the same busy timeout, so Quartz and a run commit wait for each other.</summary>
    internal static string QuartzConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
