using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

/// <summary>A run is stored whole or not at all, and readers only ever see whole runs.</summary>
public abstract class AtomicSaveTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    private const int SessionCount = 400;

    [Fact]
    public async Task Saving_a_run_id_twice_is_an_error_and_keeps_the_first()
    {
        var first = Some.Run();
        var second = Some.Run(id: first.Id, sessions: Some.Sessions(3));
        await using var store = await OpenAsync();
        await store.SaveRunAsync(first, None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveRunAsync(second, None));

        Assert.Contains(first.Id, error.Message, StringComparison.Ordinal);
        Deep.Equal(first, await store.GetRunAsync(first.Id, None));
        Assert.Equal(first.Sessions.Count, await CountAsync(store, "mirror_sessions"));
    }

    [Fact]
    public async Task A_constraint_violation_mid_save_leaves_only_the_previous_run()
    {
        await using var store = await OpenAsync();
        var previous = await SavePreviousAsync(store);
        var sessions = Some.Sessions(SessionCount).ToList();
        sessions[SessionCount / 2] = sessions[(SessionCount / 2) - 1] with { Name = "same provider id twice in one scope" };
        var broken = Some.Run(startedAt: Some.Time.AddDays(1), sessions: sessions);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.SaveRunAsync(broken, None));

        AssertUniqueViolation(error);
        await AssertOnlyAsync(store, previous);
    }

    [Fact]
    public async Task A_cancellation_during_the_insert_loop_leaves_only_the_previous_run()
    {
        await using var store = await OpenAsync();
        var previous = await SavePreviousAsync(store);
        using var cancellation = new CancellationTokenSource();
        var sessions = new HookedList<MirrorSession>(Some.Sessions(SessionCount), i =>
        {
            if (i == SessionCount / 2)
            {
                cancellation.Cancel();
            }
        });
        var cancelled = Some.Run(startedAt: Some.Time.AddDays(1), sessions: sessions);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveRunAsync(cancelled, cancellation.Token));

        await AssertOnlyAsync(store, previous);
    }

    [Fact]
    public async Task An_exception_from_the_run_itself_mid_save_leaves_only_the_previous_run()
    {
        await using var store = await OpenAsync();
        var previous = await SavePreviousAsync(store);
        var sessions = new HookedList<MirrorSession>(Some.Sessions(SessionCount), i =>
        {
            if (i == SessionCount - 1)
            {
                throw new InvalidDataException("collector bug surfacing while the run is written");
            }
        });

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            store.SaveRunAsync(Some.Run(startedAt: Some.Time.AddDays(1), sessions: sessions), None));

        await AssertOnlyAsync(store, previous);
    }

    [Fact]
    public async Task A_reader_during_a_write_sees_the_old_run_then_the_new_one_never_a_part()
    {
        await using var writer = await OpenAsync();
        var previous = await SavePreviousAsync(writer);
        await using var reader = await OpenAsync();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var resume = new ManualResetEventSlim();
        var sessions = new HookedList<MirrorSession>(Some.Sessions(SessionCount), i =>
        {
            if (i == SessionCount / 2)
            {
                // Hold the writer mid-transaction, half its sessions inserted, while the test reads.
                halfway.SetResult();
                resume.Wait(TimeSpan.FromMinutes(1));
            }
        });
        var next = Some.Run(startedAt: Some.Time.AddDays(1), sessions: sessions);

        var save = Task.Run(() => writer.SaveRunAsync(next, None));
        await halfway.Task.WaitAsync(TimeSpan.FromMinutes(1));
        ScanRun? duringLatest;
        IReadOnlyList<RunSummary> duringList;
        ScanRun? duringById;
        try
        {
            duringLatest = await reader.GetLatestRunAsync(None);
            duringList = await reader.ListRunsAsync(None);
            duringById = await reader.GetRunAsync(next.Id, None);
        }
        finally
        {
            resume.Set();
        }

        await save;
        Assert.Equal(previous.Id, duringLatest!.Id);
        Assert.Equal(previous.Sessions.Count, duringLatest.Sessions.Count);
        Assert.Equal([previous.Id], duringList.Select(r => r.Id));
        Assert.Null(duringById);

        var after = await reader.GetLatestRunAsync(None);
        Assert.Equal(next.Id, after!.Id);
        Assert.Equal(SessionCount, after.Sessions.Count);
        await AssertSoundAsync(reader);
    }

    [Fact]
    public async Task Readers_racing_several_saves_only_ever_see_whole_runs()
    {
        await using var writer = await OpenAsync();
        await using var reader = await OpenAsync();
        var runs = Enumerable.Range(0, 5)
            .Select(d => Some.Run(startedAt: Some.Time.AddDays(d), sessions: Some.Sessions(200 + (d * 50))))
            .ToList();
        var expectedCounts = runs.ToDictionary(r => r.Id, r => r.Sessions.Count);
        using var done = new CancellationTokenSource();
        var firstObservation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observed = new List<(string Id, int Sessions, int Listed)>();

        await writer.SaveRunAsync(runs[0], None);
        var reading = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var latest = (await reader.GetLatestRunAsync(None))!;
                var listed = (await reader.ListRunsAsync(None)).First(r => r.Id == latest.Id).Sessions;
                observed.Add((latest.Id, latest.Sessions.Count, listed));
                firstObservation.TrySetResult();
            }
        });
        await firstObservation.Task.WaitAsync(TimeSpan.FromMinutes(1));
        foreach (var run in runs.Skip(1))
        {
            await writer.SaveRunAsync(run, None);
        }

        await done.CancelAsync();
        await reading;

        Assert.NotEmpty(observed);
        Assert.All(observed, o =>
        {
            Assert.Equal(expectedCounts[o.Id], o.Sessions);
            Assert.Equal(expectedCounts[o.Id], o.Listed);
        });
        Assert.Equal(runs[^1].Id, (await reader.GetLatestRunAsync(None))!.Id);
    }

    private static async Task<ScanRun> SavePreviousAsync(RunStore store)
    {
        var previous = Some.Run(sessions: Some.Sessions(25));
        await store.SaveRunAsync(previous, None);
        return previous;
    }

    private static async Task AssertOnlyAsync(RunStore store, ScanRun previous)
    {
        Assert.Equal([previous.Id], (await store.ListRunsAsync(None)).Select(r => r.Id));
        Deep.Equal(previous, await store.GetLatestRunAsync(None));
        Assert.Equal(previous.Scopes.Count, await CountAsync(store, "scope_results"));
        Assert.Equal(previous.Sessions.Count, await CountAsync(store, "mirror_sessions"));
        await AssertSoundAsync(store);
    }
}
