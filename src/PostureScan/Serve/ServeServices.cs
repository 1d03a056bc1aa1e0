using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PostureScan.Serve;

/// <summary>Registers serve's jobs and the services behind them; the jobs themselves Quartz builds per firing.</summary>
internal static class ServeServices
{
    public static IServiceCollection AddServeJobs(this IServiceCollection services, ServeHostOptions options)
    {
        var store = ServeStore.Of(options.Store);
        services.AddSingleton(store);
        services.AddSingleton(options.Sources);
        services.AddSingleton(options.AuditSources ?? AuditSourceFactory.None);
        services.AddSingleton(sp => new RunCommitter(
            store,
            options.Sources,
            sp.GetRequiredService<AuditSourceFactory>(),
            options.Policy,
            options.Serve,
            options.Time,
            sp.GetRequiredService<ServeMetrics>(),
            sp.GetRequiredService<LatestRunGauges>(),
            sp.GetRequiredService<ILogger<RunCommitter>>()));
        services.AddSingleton<PlannedRuns>();
        services.AddSingleton<ScanPlanner>();
        services.AddSingleton<StagingQueue>();
        services.AddSingleton<ScopeSlots>();
        services.AddSingleton<ScopeCollector>();
        services.AddSingleton<ReportPublisher>();
        services.AddSingleton<AuditIngestRunner>();
        services.AddSingleton<StagedRunResumer>();
        if (options.Delivery is { } delivery)
        {
            services.AddSingleton(delivery);
            services.AddSingleton(sp => delivery.Dispatcher(options.Store, options.Time, sp.GetRequiredService<ILogger<PostureScan.Delivery.Outbox.OutboxDispatcher>>()));
        }

        return services;
    }
}
