using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Scanning;

namespace PostureScan.Serve;

/// <summary>
/// The store as serve's jobs see it: the run store, staging, and the audit store, all one database
/// (SQLite here; PostgreSQL in cluster mode implements the same contracts).
/// </summary>
internal sealed record ServeStore(IRunStore Runs, IRunStaging Staging, IAuditStore Audit, IAuditIngestionStore Ingestion)
{
    public static ServeStore Of<T>(T store)
        where T : IRunStore, IRunStaging, IAuditStore, IAuditIngestionStore => new(store, store, store, store);
}
