namespace PostureScan.Emulator;

/// <summary>
/// One ranged read of an audit log: which service, for which scope, and the time range the caller asked
/// for. Tests read these to prove an incremental read asks only for what is new.
/// </summary>
/// <param name="Service">"cloudtrail" (LookupEvents), "activitylog" (ActivityLogs_List) or "logging" (entries:list).</param>
/// <param name="Scope">"account/region", the subscription id, or the project id.</param>
/// <param name="From">The oldest time asked for, when the request bounds it.</param>
/// <param name="To">The newest time asked for, when the request bounds it.</param>
public sealed record AuditQuery(string Service, string Scope, DateTimeOffset? From, DateTimeOffset? To);
