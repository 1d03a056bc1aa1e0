using System.Text;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Storage;
using PostureScan.TestKit;
using PostureScan.TestKit.Http;

namespace PostureScan.Tests.Delivery;

/// <summary>Delivery as a user runs it: the built CLI, a real webhook receiver on loopback, a SQLite store.</summary>
public sealed class DeliveryCommandTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_scan_killed_between_send_and_mark_delivers_every_new_finding_exactly_once_after_the_restart()
    {
        const string secret = "hmac-key-for-the-kill-test";
        await using var estate = await DeliveryEstate.StartAsync(mirrors: 5, DeliveryEstate.Webhook(maxAttempts: 5, batch: 2));
        await using var receiver = await RecordingReceiver.StartAsync();
        var environment = DeliveryEstate.Environment(receiver.Url, secret);

        // The receiver keeps each key the first time it sees it, and drops a copy, as docs/delivery.md advises.
        var seen = new HashSet<string>();
        var duplicates = 0;
        var accepted = new List<string>();
        void Receive(RecordedRequest r)
        {
            lock (seen)
            {
                foreach (var key in RecordingReceiver.Keys(r))
                {
                    if (seen.Add(key))
                    {
                        accepted.Add(key);
                    }
                    else
                    {
                        duplicates++;
                    }
                }
            }
        }

        // It takes the first request in and never answers: the scan has sent and not yet marked.
        var arrived = new TaskCompletionSource();
        var never = new TaskCompletionSource<ReceiverReply>();
        receiver.RespondAsync = r =>
        {
            Receive(r);
            arrived.TrySetResult();
            return never.Task;
        };
        using (var scan = CliProcess.StartWithEnvironment(estate.Dir.Path, environment, estate.Scan()))
        {
            await arrived.Task.WaitAsync(TimeSpan.FromMinutes(3));
            scan.Kill(); // SIGKILL: no handler, no finally, no flush
            await scan.WaitAsync(TimeSpan.FromMinutes(1));
        }

        IReadOnlyList<OutboxEntry> queued;
        int newFindings;
        await using (var store = await SqliteRunStore.OpenAsync(estate.Db, TimeProvider.System, None))
        {
            newFindings = (await store.GetLatestEvaluationAsync(None))!.Findings.Count(f => f.Status == FindingStatus.New);
            queued = await store.ListOutboxAsync(null, null, None);
        }

        Assert.True(newFindings >= 5, $"{newFindings} new findings");
        Assert.Equal(newFindings, queued.Count);
        Assert.All(queued, q => Assert.Equal(OutboxState.Pending, q.State));
        Assert.Equal([1, 1], queued.Take(2).Select(q => q.Attempts)); // the batch in flight was counted before it was sent
        var held = Assert.Single(receiver.Requests);

        // Restarted: the next scan stores a run with nothing new, and delivers what the killed one left.
        receiver.RespondAsync = r =>
        {
            Receive(r);
            return Task.FromResult(new ReceiverReply(200));
        };
        var again = await CliProcess.RunWithEnvironmentAsync(estate.Dir.Path, environment, estate.Scan());
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains($"Delivery to hooks: {newFindings} delivered, 0 dead-lettered", again.Err, StringComparison.Ordinal);

        Assert.Equal(queued.Select(q => q.Event.IdempotencyKey), accepted); // each once, in queue order
        Assert.Equal(RecordingReceiver.Keys(held), RecordingReceiver.Keys(receiver.Requests[1])); // the re-send, same keys
        Assert.Equal(2, duplicates); // the batch in flight at the kill, sent again
        Assert.Equal(newFindings, receiver.Requests.SelectMany(RecordingReceiver.Keys).Distinct().Count());
        Assert.All(receiver.Requests, r => Assert.Equal(
            HookSignature(secret, r.Body), r.Headers["X-PostureScan-Signature"]));
        await using (var store = await SqliteRunStore.OpenAsync(estate.Db, TimeProvider.System, None))
        {
            Assert.All(await store.ListOutboxAsync(null, null, None), q => Assert.Equal(OutboxState.Delivered, q.State));
        }

        never.TrySetResult(new ReceiverReply(200));
    }

    [Fact]
    public async Task The_hook_url_and_key_never_appear_in_any_output_log_error_report_export_or_the_store()
    {
        const string secret = "hmac-KEY-5ebc1d77e0";
        await using var estate = await DeliveryEstate.StartAsync(mirrors: 2, DeliveryEstate.Webhook(maxAttempts: 2, batch: 10));
        var down = await RecordingReceiver.StartAsync();
        var port = down.Port;
        await down.DisposeAsync(); // nothing listens there: every send is refused
        var url = new Uri($"http://127.0.0.1:{port}/services/T0KEN-9f3e11aa");
        var environment = DeliveryEstate.Environment(url, secret);
        var outputs = new List<(string What, string Text)>();
        async Task<(int Exit, string Out, string Err)> Run(params string[] args)
        {
            var result = await CliProcess.RunWithEnvironmentAsync(estate.Dir.Path, environment, args);
            outputs.Add((string.Join(' ', args.Take(3)), result.Out + result.Err));
            return result;
        }

        var scan = await Run(estate.Scan());
        Assert.True(scan.Exit == 0, scan.Err);
        Assert.Contains("dead-lettered", scan.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await Run(estate.Scan("--json"))).Exit);
        var list = await Run("outbox", "list", "--db", estate.Db);
        Assert.Contains("gave up after 2 tries: HttpRequestException", list.Out, StringComparison.Ordinal);
        var deadJson = await Run("outbox", "list", "--db", estate.Db, "--json", "--state", "dead");
        using var deadRows = System.Text.Json.JsonDocument.Parse(deadJson.Out);
        var dead = deadRows.RootElement.GetArrayLength();
        Assert.True(dead >= 2, deadJson.Out);
        foreach (var format in new[] { "html", "md", "json" })
        {
            Assert.Equal(0, (await Run("report", "--db", estate.Db, "--format", format, "--out", estate.Dir.File($"report.{format}"))).Exit);
        }

        foreach (var format in new[] { "csv", "json", "ocsf", "asff" })
        {
            Assert.Equal(0, (await Run("export", "--db", estate.Db, "--format", format, "--out", estate.Dir.File($"export-{format}.out"))).Exit);
        }

        // A configuration error that concerns the secret names the variable, never the value.
        var badEnvironment = DeliveryEstate.Environment(new Uri("http://127.0.0.1/"), secret);
        badEnvironment[DeliveryEstate.UrlVariable] = "hooks.example.test/services/T0KEN-9f3e11aa";
        var bad = await CliProcess.RunWithEnvironmentAsync(estate.Dir.Path, badEnvironment, estate.Scan());
        outputs.Add(("scan with a bad URL", bad.Out + bad.Err));
        Assert.Equal(2, bad.Exit);
        Assert.Contains($"Delivery:Sinks:0:UrlFromEnv names environment variable '{DeliveryEstate.UrlVariable}', which does not hold an absolute http or https URL", bad.Err, StringComparison.Ordinal);

        // Dead letters queued again reach the receiver once it is up, signed with the key, carrying neither secret.
        Assert.Contains(dead == 1 ? "1 dead letter queued again" : $"{dead} dead letters queued again", (await Run("outbox", "retry", "--db", estate.Db, "--all-dead")).Out, StringComparison.Ordinal);
        await using var receiver = await RecordingReceiver.StartAsync(port);
        var delivered = await Run(estate.Scan());
        Assert.Contains($"Delivery to hooks: {dead} delivered", delivered.Err, StringComparison.Ordinal);
        Assert.Equal(dead, receiver.Requests.SelectMany(RecordingReceiver.Keys).Distinct().Count());
        Assert.All(receiver.Requests, r => Assert.Equal(HookSignature(secret, r.Body), r.Headers["X-PostureScan-Signature"]));

        foreach (var file in Directory.EnumerateFiles(estate.Dir.Path).Where(f => !f.EndsWith("config.json", StringComparison.Ordinal)))
        {
            outputs.Add((Path.GetFileName(file), Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file))));
        }

        outputs.AddRange(receiver.Requests.Select(r => ("request body", Encoding.UTF8.GetString(r.Body))));
        Assert.Contains(outputs, o => o.What == "delivery.db");
        Assert.Contains(outputs, o => o.What == "report.html");
        foreach (var (what, text) in outputs)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"the HMAC key is in {what}");
            Assert.False(text.Contains("T0KEN-9f3e11aa", StringComparison.Ordinal), $"the URL's token is in {what}");
        }
    }

    [Fact]
    public async Task Serve_drains_the_outbox_with_its_delivery_job()
    {
        using var dir = new TemporaryDirectory();
        await using var receiver = await RecordingReceiver.StartAsync();
        var db = dir.File("serve.db");
        var run = Some.Run();
        await using (var store = await SqliteRunStore.OpenAsync(db, TimeProvider.System, None))
        {
            store.DeliveryRoute = new OutboxRoute([("hooks", new SinkSubscription(Severity.Info, Enum.GetValues<DeliveryEventKind>().ToHashSet()))]);
            await store.SaveRunAsync(run, Some.Evaluation(run, Some.Finding(), Some.Finding()), None);
        }

        var devices = Directory.CreateDirectory(dir.File("devices")).FullName;
        await File.WriteAllTextAsync(dir.File("serve.json"), $$"""
            { "Cisco": { "Directory": "{{devices}}" }, "Scan": { "Providers": ["cisco"] },
              "Serve": { "ScanCron": "0 0 2 1 1 ? 2099", "MetricsPort": 0 },
              "Delivery": { "IntervalSeconds": 1, "Sinks": [ { "Name": "hooks", "Type": "webhook", "Url": "{{receiver.Url}}" } ] } }
            """);

        using (var serve = CliProcess.Start(dir.Path, "serve", "--config", dir.File("serve.json"), "--db", db))
        {
            // Bounded real-time wait for serve's job, reading the store beside it (WAL: readers never block it).
            await using var watcher = await SqliteRunStore.OpenAsync(db, TimeProvider.System, None);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while ((await watcher.ListOutboxAsync(OutboxState.Delivered, null, None)).Count < 4 && !serve.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(100);
            }

            serve.Kill();
            var (_, _, stderr) = await serve.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(receiver.Requests.Count > 0, stderr);
        }

        await using var reopened = await SqliteRunStore.OpenAsync(db, TimeProvider.System, None);
        var rows = await reopened.ListOutboxAsync(null, null, None);
        Assert.Equal(4, rows.Count); // scope error, two findings, summary
        Assert.All(rows, r => Assert.Equal(OutboxState.Delivered, r.State));
        Assert.Equal(rows.Select(r => r.Event.IdempotencyKey), receiver.Requests.SelectMany(RecordingReceiver.Keys));
    }

    private static string HookSignature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
