using Microsoft.Extensions.Time.Testing;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Reporting.Tests.Support;

/// <summary>A real SQLite store holding the three nights of <see cref="Estate"/>, and a loader over it with fake time.</summary>
internal sealed class FixedStore : IAsyncDisposable
{
    /// <summary>The time every report says it was generated at.</summary>
    public static readonly DateTimeOffset Now = Estate.Night3.AddHours(4);

    private readonly TemporaryDirectory folder;

    private FixedStore(TemporaryDirectory folder, SqliteRunStore store)
    {
        this.folder = folder;
        Store = store;
    }

    public SqliteRunStore Store { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    public static async Task<FixedStore> CreateAsync()
    {
        var folder = new TemporaryDirectory();
        var store = await SqliteRunStore.OpenAsync(folder.File("posturescan.db"), new FakeTimeProvider(Estate.Night1), CancellationToken.None);
        await store.SaveRunAsync(Estate.First(), Estate.FirstEvaluation(), CancellationToken.None);
        await store.SaveRunAsync(Estate.Second(), null, CancellationToken.None);
        await store.SaveRunAsync(Estate.Third(), Estate.ThirdEvaluation(), CancellationToken.None);
        return new FixedStore(folder, store);
    }

    public ReportLoader Loader(bool withAttributions = true) => new(Store, Time)
    {
        Attributions = withAttributions ? (id, _) => Task.FromResult(Estate.Attributions(id)) : null,
    };

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        folder.Dispose();
    }
}
