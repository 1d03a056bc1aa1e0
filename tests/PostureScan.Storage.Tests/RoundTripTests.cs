using Dapper;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

public abstract class RoundTripTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    [Fact]
    public async Task A_run_with_failed_scopes_and_hostile_sessions_reloads_field_by_field()
    {
        var run = HostileRun();
        await using (var store = await OpenAsync())
        {
            await store.SaveRunAsync(run, None);
        }

        // A fresh store on the same file: nothing can come from memory.
        await using var reopened = await OpenAsync();
        var loaded = await reopened.GetRunAsync(run.Id, None);

        Assert.NotNull(loaded);
        Deep.Equal(run, loaded);
        Assert.True(loaded.IsPartial);
        var failed = Assert.Single(loaded.Scopes, s => s.Status == ScopeStatus.Failed);
        Assert.Equal(ScopeErrorKind.Throttled, failed.ErrorKind);
        Assert.Equal(run.Scopes[2].Error, failed.Error);
        Assert.Equal(TimeSpan.FromTicks(987_654), failed.Duration);
    }

    [Fact]
    public async Task The_query_columns_hold_the_session_fields_verbatim()
    {
        var run = HostileRun();
        await using var store = await OpenAsync();
        await store.SaveRunAsync(run, None);

        await using var connection = await store.OpenConnectionAsync(None);
        var row = await connection.QuerySingleAsync<(string Name, string Description, string TargetKind, string TargetAddress, bool InternetFacing, string Owner, bool AcceptsEverything, string Direction, long Vni, string Raw)>(
            """
            SELECT name, description, target_kind, target_address, target_internet_facing, target_owner,
                   accepts_everything, direction, virtual_network_id, raw_json
            FROM mirror_sessions WHERE run_id = @RunId AND seq = 0
            """,
            new { RunId = run.Id });

        var session = run.Sessions[0];
        Assert.Equal(session.Name, row.Name);
        Assert.Equal(session.Description, row.Description);
        Assert.Equal("loadBalancerFrontend", row.TargetKind);
        Assert.Equal(session.Target!.Address, row.TargetAddress);
        Assert.True(row.InternetFacing);
        Assert.Equal(Some.OtherAccount, row.Owner);
        Assert.True(row.AcceptsEverything);
        Assert.Equal("both", row.Direction);
        Assert.Equal(session.VirtualNetworkId, row.Vni);
        Assert.Equal(session.RawJson, row.Raw);

        // Verbatim but for NUL, which PostgreSQL cannot hold in text: both dialects store U+FFFD in its place.
        var texts = await connection.QueryAsync<(string? Name, string? Description)>(
            "SELECT name, description FROM mirror_sessions WHERE run_id = @RunId ORDER BY seq", new { RunId = run.Id });
        Assert.Equal(run.Sessions.Select(s => (s.Name?.Replace('\0', '\uFFFD'), s.Description?.Replace('\0', '\uFFFD'))), texts);
        Assert.Contains(texts, t => t.Name == "nul\uFFFDinside");
    }

    [Fact]
    public async Task A_nul_in_a_name_survives_in_the_record_and_the_flat_column_holds_a_replacement()
    {
        var run = Some.Run(sessions: [Some.Session(name: "nul\u0000inside", description: "\u0000")]);
        await using var store = await OpenAsync();
        await store.SaveRunAsync(run, None);

        Deep.Equal(run, await store.GetRunAsync(run.Id, None));
    }

    [Fact]
    public async Task A_session_without_target_or_filter_keeps_its_nulls()
    {
        var bare = Some.Session() with { Target = null, TargetId = null, Filter = null, FilterId = null, Name = null, RawJson = null };
        var run = Some.Run(sessions: [bare]);
        await using var store = await OpenAsync();
        await store.SaveRunAsync(run, None);

        var loaded = await store.GetRunAsync(run.Id, None);

        Deep.Equal(run, loaded);
        Assert.True(loaded!.Sessions[0].AcceptsEverything);
    }

    [Fact]
    public async Task Times_come_back_as_the_same_instant_in_utc()
    {
        var local = new DateTimeOffset(2026, 11, 27, 3, 30, 0, TimeSpan.FromHours(5.5)).AddTicks(7);
        var run = Some.Run(startedAt: local);
        await using var store = await OpenAsync();
        await store.SaveRunAsync(run, None);

        var loaded = await store.GetRunAsync(run.Id, None);

        Assert.Equal(local.UtcTicks, loaded!.StartedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, loaded.StartedAt.Offset);
        Assert.Equal(run.FinishedAt, loaded.FinishedAt);
    }

    [Fact]
    public async Task Lone_surrogates_do_not_break_a_save_and_come_back_as_replacement_characters()
    {
        // Invalid UTF-16 cannot be stored as UTF-8 text; losing one character beats losing the run.
        var run = Some.Run(sessions: [Some.Session(name: "a\uD800b", tags: Some.Tags(("k\uDC00", "v")))]);
        await using var store = await OpenAsync();
        await store.SaveRunAsync(run, None);

        var session = (await store.GetRunAsync(run.Id, None))!.Sessions[0];

        Assert.Equal("a\uFFFDb", session.Name);
        Assert.Equal("v", session.Tags["k\uFFFD"]);
    }

    [Fact]
    public async Task An_unknown_run_id_reads_as_null()
    {
        await using var store = await OpenAsync();
        await store.SaveRunAsync(Some.Run(), None);

        Assert.Null(await store.GetRunAsync("'; DROP TABLE scan_runs; --", None));
        Assert.Single(await store.ListRunsAsync(None));
    }

    private static ScanRun HostileRun()
    {
        var aws = Some.Scope(region: "eu-west-1");
        var azure = Some.Scope(Providers.Azure, "00000000-0000-0000-0000-000000000001", "westeurope");
        var throttled = Some.ScopeFailed(
            Some.Scope(region: "ap-south-2"), ScopeErrorKind.Throttled, "RequestLimitExceeded: " + Hostile.Strings[1]);
        var hostileTarget = Some.Target(
            kind: TargetKind.LoadBalancerFrontend,
            address: "203.0.113.7",
            owner: Some.OtherAccount,
            internetFacing: true,
            tags: Hostile.Tags());
        var filter = Some.Filter() with { Description = Hostile.Strings[4], Tags = Hostile.Tags() };
        var hostile = Some.Session(scope: aws, target: hostileTarget, filter: filter, tags: Hostile.Tags(), name: Hostile.Strings[1], description: Hostile.Large()) with
        {
            RawJson = """{"Description":"'; DROP TABLE scan_runs; --","Tags":[{"Key":"🚨","Value":"\u0000"}]}""",
        };
        var sessions = new List<MirrorSession> { hostile, Some.Session(scope: azure, enabled: false) };
        sessions.AddRange(Hostile.Strings.Select(s => Some.Session(scope: aws, name: s, description: s)));
        return Some.Run(scopes: [Some.ScopeOk(aws), Some.ScopeOk(azure, apiCalls: 9), throttled], sessions: sessions);
    }
}
