using System.CommandLine;
using Microsoft.Extensions.Hosting;
using PostureScan.Hosting;
using PostureScan.Serve;

namespace PostureScan.Cli;

/// <summary><c>posturescan serve --config FILE [--db FILE]</c>: scheduled scans until SIGTERM or Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: true);
        var db = CommonOptions.Db();
        var command = new Command("serve", "Run scheduled scans (Quartz, job store in the same database) with /healthz and /metrics on loopback") { config, db };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = AppConfiguration.Load(parse.GetValue(config));
            var serve = AppConfiguration.Bind<ServeSettings>(configuration, "Serve");
            var scan = AppConfiguration.Bind<ScanSettings>(configuration, "Scan");
            AppConfiguration.Check(configuration, () => ServeSchedule.Validate(serve, scan));
            var time = TimeProvider.System;

            // Build the sources once now: a provider configuration error ends serve at start (exit 2),
            // not at two in the morning.
            _ = ProviderRegistry.Create(configuration, time, scan.Providers);
            var sources = new InventorySourceFactory(() => ProviderRegistry.Create(configuration, time, scan.Providers));
            var policy = serve.Policy is { } path ? PolicyGate.Load(path, time) : null;
            _ = AuditSourceRegistry.Create(configuration, time);
            var audit = new AuditSourceFactory(() => AuditSourceRegistry.Create(configuration, time), AuditSourceRegistry.Lookback(configuration));
            var database = RunStores.Locate(parse.GetValue(db), configuration);
            // Before the store is opened and before Quartz starts: a second scheduler on one SQLite file would
            // recover the first one's running jobs as if it had crashed.
            using var serveLock = database.IsPostgres ? null : SqliteServeLock.Acquire(database.Target);
            using var delivery = DeliveryRuntime.Create(configuration);

            await using var store = await RunStores.OpenAsync(database, ct);
            store.DeliveryRoute = delivery?.Route(serve.ReportPath);
            await using var app = ServeHost.Build(new ServeHostOptions(serve, scan, database, store, sources, policy, time, audit, delivery));
            try
            {
                await PortInUse.Refused(() => app.StartAsync(ct), "Serve:MetricsPort (or Serve:ListenAddress)");
            }
            catch
            {
                // The scheduler may have started before the listener failed; stopped here, it lets the process end.
                await app.StopAsync(CancellationToken.None);
                throw;
            }

            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
