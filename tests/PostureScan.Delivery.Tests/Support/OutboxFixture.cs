using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Delivery.Outbox;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Delivery.Tests.Support;

/// <summary>A real SQLite store in a temporary folder, one stored run queued for the given sinks, and a dispatcher over it.</summary>
internal sealed class OutboxFixture : IAsyncDisposable
{
    private readonly TemporaryDirectory folder;

    private OutboxFixture(TemporaryDirectory folder, SqliteRunStore store, ObservedTime time)
    {
        this.folder = folder;
        Store = store;
        Time = time;
    }

    public SqliteRunStore Store { get; }

    public ObservedTime Time { get; }

    public CollectingLogger Log { get; } = new();

    public SecretRedactor Redactor { get; } = new();

    public static readonly SinkSubscription Everything = new(Severity.Info, Enum.GetValues<DeliveryEventKind>().ToHashSet());

    public static async Task<OutboxFixture> OpenAsync()
    {
        var time = new ObservedTime(Some.Time);
        var folder = new TemporaryDirectory();
        var store = await SqliteRunStore.OpenAsync(folder.File("posturescan.db"), time, CancellationToken.None);
        return new OutboxFixture(folder, store, time);
    }

    /// <summary>Stores a run with <paramref name="newFindings"/> new findings (and one failed scope), queued for <paramref name="sinks"/>.</summary>
    public async Task<IReadOnlyList<Finding>> StoreRunAsync(int newFindings, params IDeliverySink[] sinks)
    {
        var run = Some.Run(startedAt: Time.GetUtcNow());
        var findings = Enumerable.Range(0, newFindings).Select(i => Some.Finding(severity: (Severity)(i % 5))).ToArray();
        Store.DeliveryRoute = OutboxRoute.For(sinks);
        await Store.SaveRunAsync(run, Some.Evaluation(run, findings), CancellationToken.None);
        return findings;
    }

    public OutboxDispatcher Dispatcher(DeliveryPolicy policy, params IDeliverySink[] sinks) =>
        new(Store, sinks, policy, Redactor, Time, Log);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        folder.Dispose();
    }
}
