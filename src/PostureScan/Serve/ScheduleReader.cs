using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// Reads serve's schedule from the job store for <c>status</c>: a scheduler over the same tables that is never
/// started, so it fires nothing and recovers nothing; it only lists.
/// </summary>
internal static class ScheduleReader
{
    /// <summary>One stored trigger: what it fires, and when next.</summary>
    public sealed record Entry(string Trigger, string Job, DateTimeOffset? Next, DateTimeOffset? Previous, string State);

    /// <summary>The stored triggers of serve's groups, or null when serve has never run on this database.</summary>
    public static async Task<IReadOnlyList<Entry>?> ReadAsync(PostureScan.Hosting.StoreLocation location, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q => q.UsePersistentStore(store =>
        {
            if (location.IsPostgres)
            {
                store.UsePostgres(location.Target);
                store.UseClustering();
            }
            else
            {
                store.UseSqlite(SqliteFactory.Instance, ServeHost.QuartzConnectionString(location.Target));
            }
        }));
        await using var provider = services.BuildServiceProvider();
        IScheduler scheduler;
        try
        {
            scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        }
        catch (SchedulerException)
        {
            // No job-store tables: the database was only ever written by scan.
            return null;
        }

        try
        {
            var entries = new List<Entry>();
            foreach (var group in new[] { ServeJobKeys.Group, ServeJobKeys.AuditGroup, ServeJobKeys.AccountGroup })
            {
                var page = await scheduler.QueryTriggers(
                    new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(group), Take = PagedQuery.All }, cancellationToken);
                entries.AddRange(page.Items.Select(t => new Entry(
                    $"{t.Key.Group}.{t.Key.Name}", $"{t.JobKey.Group}.{t.JobKey.Name}", t.NextFireTimeUtc, t.PreviousFireTimeUtc, t.State.ToString())));
            }

            return entries;
        }
        finally
        {
            await scheduler.Shutdown(false, cancellationToken);
        }
    }
}
