using PostureScan.Core.Audit;

namespace PostureScan.Serve;

/// <summary>Builds fresh audit sources for each ingestion or commit, with the lookback of a first read.</summary>
internal sealed class AuditSourceFactory(Func<IReadOnlyList<IAuditSource>> create, TimeSpan lookback)
{
    public static AuditSourceFactory None { get; } = new(() => [], TimeSpan.FromDays(90));

    public TimeSpan Lookback => lookback;

    public IReadOnlyList<IAuditSource> Create() => create();
}
