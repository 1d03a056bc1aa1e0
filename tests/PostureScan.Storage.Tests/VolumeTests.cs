using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

public abstract class VolumeTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    [Fact]
    public async Task Five_thousand_sessions_save_and_reload_in_order()
    {
        var run = Some.Run(sessions: Some.Sessions(5_000, scopes: 50));
        await using var store = await OpenAsync();

        await store.SaveRunAsync(run, None);
        var loaded = await store.GetRunAsync(run.Id, None);

        Deep.Equal(run, loaded);
        Assert.Equal(5_000, (await store.ListRunsAsync(None)).Single().Sessions);
        await AssertSoundAsync(store);
    }
}
