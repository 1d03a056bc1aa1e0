using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using PostureScan.Core.Scanning;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>
/// Cluster mode as operators run it: two <c>serve</c> processes on one real PostgreSQL database share a
/// scheduled scan of the emulator through Quartz's clustered job store, and one survives the other's death.
/// </summary>
[Collection(PostgresDatabases.Name)]
public sealed class ClusterServeTests(PostgresServer server)
{
    private const int SessionsPerRegion = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    // Long enough for two processes to start and join on a busy machine; each test checks that they did.
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Two_nodes_share_a_scheduled_scan_and_every_scope_is_scanned_exactly_once()
    {
        // A scope takes five calls of 300 ms, so an account of three regions keeps a node's two slots busy for
        // seconds: the other node, which finds the run's triggers within its idle wait (2 s), takes accounts too.
        var world = new ClusterWorld(Accounts: 4, Regions: 3, LatencyMs: 300);
        await using var pair = await NodePair.StartAsync(server, world);
        var (a, b, emulator, database) = (pair.A, pair.B, pair.Emulator, pair.Database);
        var run = await WaitForRunAsync(database, a, b);
        await Task.Delay(TimeSpan.FromSeconds(3)); // time enough for a second, wrong, run of the same firing

        Assert.Equal(world.Scopes, emulator.Counters.Calls("DescribeTrafficMirrorSessions"));
        var perScope = world.AllScopes.Select(s => emulator.Counters.CallsInScope(s.Account, s.Region)).ToList();
        Assert.All(perScope, calls => Assert.Equal(perScope[0], calls));
        Assert.True(perScope[0] > 0);
        AssertWhole(run, world);
        await using var store = await PostgresRunStore.OpenAsync(database, TimeProvider.System, CancellationToken.None);
        Assert.Single(await store.ListRunsAsync(CancellationToken.None));

        // Both nodes joined the one clustered scheduler, each under its own instance id, one ran the scan job, and
        // both collected: the run's accounts spread over the cluster.
        await using var connection = new NpgsqlConnection(database);
        var instances = (await connection.QueryAsync<string>("SELECT instance_name FROM qrtz_scheduler_state")).ToList();
        Assert.Equal(2, instances.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1, new[] { a, b }.Count(n => n.Says("Scan job started")));
        Assert.True(a.Says("staged: Ok") && b.Says("staged: Ok"), $"one node collected the whole run.\n{Logs(a, b)}");
    }

    [Fact]
    public async Task A_node_killed_mid_scan_has_its_job_recovered_by_the_other_and_the_run_is_whole()
    {
        var world = new ClusterWorld(Accounts: 4, Regions: 2, LatencyMs: 400);
        await using var pair = await NodePair.StartAsync(server, world);
        var (a, b, emulator, database) = (pair.A, pair.B, pair.Emulator, pair.Database);
        var clock = Stopwatch.StartNew();
        ServeNode? running = null;
        // The node that plans the run takes its first account at once (the other finds the run's triggers only
        // within its idle wait, 2 s): its first scope call is the moment to kill it, mid-collection.
        while (running is null || !world.AllScopes.Any(s => emulator.Counters.CallsInScope(s.Account, s.Region) > 0))
        {
            Assert.True(clock.Elapsed < Patience, $"no node started the scan.\n{Logs(a, b)}");
            running ??= new[] { a, b }.FirstOrDefault(n => n.Says("Scan job started"));
            await Task.Delay(50);
        }

        var callsBeforeKill = emulator.Counters.Calls("DescribeTrafficMirrorSessions");
        running.Kill();
        var survivor = running == a ? b : a;
        Assert.True(callsBeforeKill < world.Scopes, $"the scan finished before the kill ({callsBeforeKill} scopes); the world is too fast to test this");

        var run = await WaitForRunAsync(database, survivor);
        // The scan is spread as account jobs: the survivor recovers the one the killed node was running.
        Assert.True(survivor.Says("is being recovered after its node stopped mid-job"), Logs(a, b));
        AssertWhole(run, world);
        await using var store = await PostgresRunStore.OpenAsync(database, TimeProvider.System, CancellationToken.None);
        Assert.Single(await store.ListRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_node_stopped_by_SIGTERM_mid_scan_hands_its_scopes_to_the_other_and_the_run_is_whole()
    {
        var world = new ClusterWorld(Accounts: 4, Regions: 2, LatencyMs: 1500);
        await using var pair = await NodePair.StartAsync(server, world);
        var (a, b, emulator, database) = (pair.A, pair.B, pair.Emulator, pair.Database);

        // Every call takes 1.5 s, so a scope takes 7.5 s, and a node collects two scopes at once (Scan:MaxConcurrency):
        // once four scopes have begun, each node holds an account mid-collection, and SIGTERM lands in it.
        var clock = Stopwatch.StartNew();
        while (world.AllScopes.Count(s => emulator.Counters.CallsInScope(s.Account, s.Region) > 0) < 4)
        {
            Assert.True(clock.Elapsed < Patience, $"the scopes did not start on both nodes.\n{Logs(a, b)}");
            await Task.Delay(50);
        }

        Assert.Equal(0, a.Terminate());
        Assert.True(a.Says("abandoned by shutdown"), $"the stopped node abandoned no scope; nothing was handed back.\n{Logs(a, b)}");

        // The other finishes the run without the stopped node coming back: Quartz handed its firings back.
        var run = await WaitForRunAsync(database, b);
        Assert.True(b.Says("is being recovered after its node stopped mid-job"), Logs(a, b));
        AssertWhole(run, world);
        await using var store = await PostgresRunStore.OpenAsync(database, TimeProvider.System, CancellationToken.None);
        Assert.Single(await store.ListRunsAsync(CancellationToken.None));
        Assert.Empty(await store.ListStagedRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_node_that_did_not_commit_a_run_reports_its_finish_time_and_findings_as_the_committer_does()
    {
        using var dir = new TemporaryDirectory();
        var database = await server.CreateDatabaseAsync();
        var devices = Directory.CreateDirectory(dir.File("devices")).FullName;
        var config = dir.File("serve.json");
        // No scan fires during the test: the run comes from the staging, committed by whichever node's resumer fires it.
        await File.WriteAllTextAsync(config, $$"""
            {
              "Cisco": { "Directory": "{{devices}}" },
              "Store": { "Database": "postgres", "ConnectionString": "{{database}}" },
              "Serve": { "ScanCron": "0 0 2 1 1 ? 2099", "Policy": "{{RepositoryRoot.Combine("policies", "default.yaml")}}", "MetricsPort": 0, "ClusterCheckinInterval": "00:00:01" }
            }
            """);

        // The first node is up (its gauges as they were before any run) when the run becomes ready to commit.
        using var b = new ServeNode("b", dir.Path, config);
        await WaitUntilListeningAsync(b);
        var scope = Some.Scope();
        var startedAt = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        var runId = ScanRun.NewId(startedAt);
        await using (var staging = await PostgresRunStore.OpenAsync(database, TimeProvider.System, CancellationToken.None))
        {
            await staging.BeginStagedRunAsync(new StagedRunPlan(runId, startedAt, [scope.Provider], [scope], []), CancellationToken.None);
            await staging.StageScopeAsync(runId, new ScopeInventory(Some.ScopeOk(scope), [Some.Session(scope: scope), Some.Session(scope: scope)]), CancellationToken.None);
        }

        using var a = new ServeNode("a", dir.Path, config);
        await WaitUntilListeningAsync(a);
        var clock = Stopwatch.StartNew();
        while (!a.Says($"Run {runId} stored") && !b.Says($"Run {runId} stored"))
        {
            Assert.True(clock.Elapsed < Patience, $"the staged run was not committed.\n{Logs(a, b)}");
            await Task.Delay(100);
        }

        var (committer, other) = a.Says($"Run {runId} stored") ? (a, b) : (b, a);
        await using var store = await PostgresRunStore.OpenAsync(database, TimeProvider.System, CancellationToken.None);
        var run = await store.GetRunAsync(runId, CancellationToken.None);
        var findings = (await store.GetEvaluationAsync(runId, CancellationToken.None))!.ActiveBySeverity();
        Assert.True(findings.Values.Sum() > 0, "the policy found nothing: the findings gauges would be zero on any node");
        var finished = run!.FinishedAt.ToUnixTimeMilliseconds() / 1000.0;

        foreach (var node in new[] { other, committer })
        {
            var metrics = await MetricsAsync(node);
            Assert.True(metrics.ContainsKey("posturescan_last_run_timestamp_seconds"), $"node {node.Name} reports no run.\n{Logs(a, b)}");
            Assert.Equal(finished, metrics["posturescan_last_run_timestamp_seconds"], precision: 3);
            Assert.Equal(finished, metrics["posturescan_last_successful_scan_timestamp_seconds"], precision: 3);
            foreach (var (severity, count) in findings)
            {
                Assert.Equal(count, metrics[$"posturescan_findings{{severity=\"{severity.ToString().ToLowerInvariant()}\"}}"]);
            }
        }
    }

    private static async Task WaitUntilListeningAsync(ServeNode node)
    {
        var clock = Stopwatch.StartNew();
        while (!node.Says("Application started"))
        {
            Assert.True(clock.Elapsed < Patience, $"node {node.Name} did not start.\n{Logs(node)}");
            Assert.False(node.HasExited, $"node {node.Name} exited.\n{Logs(node)}");
            await Task.Delay(100);
        }
    }

    /// <summary>The node's /metrics, at the address it logged when it started listening.</summary>
    private static async Task<Dictionary<string, double>> MetricsAsync(ServeNode node)
    {
        var address = Regex.Match(node.Output, @"Now listening on: (http://\S+)");
        Assert.True(address.Success, $"node {node.Name} logged no address.\n{Logs(node)}");
        using var http = new HttpClient { BaseAddress = new Uri(address.Groups[1].Value) };
        return await MetricsScrape.ReadAsync(http);
    }

    /// <summary>
    /// The emulator's world of <see cref="ClusterWorld"/>, a new database, and two serve nodes on it,
    /// both up before their scheduled scan fires.
    /// </summary>
    private sealed class NodePair : IAsyncDisposable
    {
        private readonly TemporaryDirectory dir;

        private NodePair(TemporaryDirectory dir, EmulatorHost emulator, string database, ServeNode a, ServeNode b) =>
            (this.dir, Emulator, Database, A, B) = (dir, emulator, database, a, b);

        public EmulatorHost Emulator { get; }

        public string Database { get; }

        public ServeNode A { get; }

        public ServeNode B { get; }

        public static async Task<NodePair> StartAsync(PostgresServer server, ClusterWorld world)
        {
            var dir = new TemporaryDirectory();
            var emulator = await EmulatorHost.StartAsync(World.Parse(world.Yaml(), "cluster.yaml"));
            var database = await server.CreateDatabaseAsync();
            var config = await WriteConfigAsync(dir, emulator, database, world, FireAt(Lead));
            var pair = new NodePair(dir, emulator, database, new ServeNode("a", dir.Path, config), new ServeNode("b", dir.Path, config));
            try
            {
                await WaitUntilScheduledAsync(pair.A, pair.B);
                return pair;
            }
            catch
            {
                await pair.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            A.Dispose();
            B.Dispose();
            await Emulator.DisposeAsync();
            dir.Dispose();
        }
    }

    private static void AssertWhole(ScanRun run, ClusterWorld world)
    {
        Assert.Equal(world.Scopes, run.Scopes.Count);
        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(
            world.AllScopes.Select(s => $"{s.Account}/{s.Region}").Order(StringComparer.Ordinal),
            run.Scopes.Select(s => $"{s.Scope.Account}/{s.Scope.Region}").Order(StringComparer.Ordinal));
        Assert.Equal(world.Scopes * SessionsPerRegion, run.Sessions.Count);
    }

    /// <summary>Both nodes are up with the schedule before it fires (it fires once a day: too late would never do).</summary>
    private static async Task WaitUntilScheduledAsync(params ServeNode[] nodes)
    {
        var clock = Stopwatch.StartNew();
        while (!nodes.All(n => n.Says("Application started")))
        {
            Assert.True(clock.Elapsed < Lead - TimeSpan.FromSeconds(1), $"the nodes did not start before the scheduled scan.\n{Logs(nodes)}");
            Assert.False(nodes.Any(n => n.HasExited), $"a node exited.\n{Logs(nodes)}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the first stored run, failing with the nodes' logs if none comes.</summary>
    private static async Task<ScanRun> WaitForRunAsync(string database, params ServeNode[] nodes)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.True(clock.Elapsed < Patience, $"no run was stored.\n{Logs(nodes)}");
            Assert.False(nodes.All(n => n.HasExited), $"every node exited.\n{Logs(nodes)}");
            try
            {
                await using var store = await PostgresRunStore.OpenAsync(database, TimeProvider.System, CancellationToken.None);
                if (await store.GetLatestRunAsync(CancellationToken.None) is { } run)
                {
                    return run;
                }
            }
            catch (PostgresException)
            {
                // A node may be migrating the new database right now; ask again.
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A cron expression for one second, <paramref name="lead"/> from now: both nodes are up by then, and it fires once.</summary>
    private static string FireAt(TimeSpan lead)
    {
        var at = TimeProvider.System.GetUtcNow().Add(lead);
        return string.Create(CultureInfo.InvariantCulture, $"{at.Second} {at.Minute} {at.Hour} * * ?");
    }

    private static async Task<string> WriteConfigAsync(TemporaryDirectory dir, EmulatorHost emulator, string database, ClusterWorld world, string cron)
    {
        var config = dir.File("serve.json");
        var regionList = string.Join(", ", Enumerable.Range(0, world.Regions).Select(r => $"\"region-{r}\""));
        var accounts = string.Join(", ", world.AccountIds.Select((id, i) => i == 0
            ? $$"""{ "Id": "{{id}}" }"""
            : $$"""{ "Id": "{{id}}", "RoleArn": "arn:aws:iam::{{id}}:role/Reader" }"""));
        await File.WriteAllTextAsync(config, $$"""
            {
              "Aws": { "ServiceUrl": "{{emulator.Endpoint}}", "AccessKeyId": "AKIATESTCLUSTER00001", "SecretAccessKey": "x", "Regions": [{{regionList}}], "Accounts": [{{accounts}}] },
              "Scan": { "MaxConcurrency": 2 },
              "Store": { "Database": "postgres", "ConnectionString": "{{database}}" },
              "Serve": { "ScanCron": "{{cron}}", "TimeZone": "UTC", "MetricsPort": 0, "ClusterCheckinInterval": "00:00:01" }
            }
            """);
        return config;
    }

    /// <summary>
    /// <paramref name="Accounts"/> accounts of <paramref name="Regions"/> regions each, every call answered after
    /// <paramref name="LatencyMs"/>; the scanner signs in to the first and assumes a role in the others.
    /// </summary>
    private sealed record ClusterWorld(int Accounts, int Regions, int LatencyMs)
    {
        public int Scopes => Accounts * Regions;

        public IReadOnlyList<string> AccountIds => [.. Enumerable.Range(0, Accounts).Select(a => $"1111111111{a:00}")];

        public IReadOnlyList<(string Account, string Region)> AllScopes =>
            [.. AccountIds.SelectMany(account => Enumerable.Range(0, Regions).Select(r => (account, $"region-{r}")))];

        public string Yaml()
        {
            var yaml = new StringBuilder($$"""
                aws:
                  credentials:
                    - { accessKeyId: AKIATESTCLUSTER00001, secretAccessKey: x, account: "{{AccountIds[0]}}" }
                  accounts:

                """);
            foreach (var account in AccountIds)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    - id: \"{account}\"\n      roles: [{{ name: Reader }}]\n      regions:\n");
                for (var r = 0; r < Regions; r++)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $"        - name: region-{r}\n          faults: {{ latencyMs: {LatencyMs} }}\n");
                    yaml.Append(CultureInfo.InvariantCulture, $"          targets: [{{ id: tmt-{r}, type: network-interface, networkInterfaceId: eni-t{r} }}]\n");
                    yaml.Append(CultureInfo.InvariantCulture, $"          filters: [{{ id: tmf-{r}, rules: [{{ direction: ingress, ruleNumber: 1, action: accept }}] }}]\n          sessions:\n");
                    for (var i = 0; i < SessionsPerRegion; i++)
                    {
                        yaml.Append(CultureInfo.InvariantCulture, $"            - {{ id: tms-{r}-{i}, targetId: tmt-{r}, filterId: tmf-{r}, networkInterfaceId: eni-{r}-{i}, sessionNumber: 1 }}\n");
                    }
                }
            }

            return yaml.ToString();
        }
    }

    private static string Logs(params ServeNode[] nodes) =>
        string.Join("\n", nodes.Select(n => $"--- node {n.Name} ---\n{n.Output}"));
}
