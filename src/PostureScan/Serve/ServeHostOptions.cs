using PostureScan.Core.Scanning;
using PostureScan.Hosting;

namespace PostureScan.Serve;

/// <summary>Everything a serve host is built from; the command fills it from configuration, tests with fakes.</summary>
internal sealed record ServeHostOptions(
    ServeSettings Serve,
    ScanSettings Scan,
    StoreLocation Database,
    PostureScan.Storage.RunStore Store,
    InventorySourceFactory Sources,
    PolicyGate? Policy,
    TimeProvider Time,
    AuditSourceFactory? AuditSources = null,
    DeliveryRuntime? Delivery = null);
