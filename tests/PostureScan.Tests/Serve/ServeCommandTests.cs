using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>The serve and status commands as a user runs them.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Status_prints_the_latest_run_and_exits_3_when_it_is_partial()
    {
        using var dir = new TemporaryDirectory();
        var db = dir.File("status.db");
        var older = Some.Run(startedAt: Some.Time.AddDays(-1), scopes: [Some.ScopeOk()], sessions: []);
        var latest = Some.Run();
        await using (var store = await SqliteRunStore.OpenAsync(db, TimeProvider.System, CancellationToken.None))
        {
            await store.SaveRunAsync(older, CancellationToken.None);
            await store.SaveRunAsync(latest, CancellationToken.None);
        }

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", db);

        Assert.True(exit == 3, stderr);
        Assert.Contains($"Latest run   {latest.Id} (partial)", stdout, StringComparison.Ordinal);
        Assert.Contains("Scopes       3 (1 failed)", stdout, StringComparison.Ordinal);
        Assert.Contains("Runs stored  2", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_a_store_is_a_usage_error()
    {
        using var dir = new TemporaryDirectory();
        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", dir.File("none.db"));
        Assert.Equal(2, exit);
        Assert.Contains("none.db", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("none.db")));
    }

    [Fact]
    public async Task Serve_refuses_a_bad_cron_expression_before_starting()
    {
        using var dir = new TemporaryDirectory();
        var devices = Directory.CreateDirectory(dir.File("devices")).FullName;
        var config = dir.File("serve.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Cisco": { "Directory": "{{devices}}" }, "Serve": { "ScanCron": "every night at two" } }
            """);

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "serve", "--config", config, "--db", dir.File("serve.db"));

        Assert.Equal(2, exit);
        Assert.Contains($"{config}({At(config, "ScanCron")}): Serve:ScanCron 'every night at two' is not a Quartz cron expression", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    public async Task Serve_refuses_a_trigger_batch_outside_the_jobs_a_node_runs_at_once(int batch)
    {
        using var dir = new TemporaryDirectory();
        var devices = Directory.CreateDirectory(dir.File("devices")).FullName;
        var config = dir.File("serve.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Cisco": { "Directory": "{{devices}}" }, "Scan": { "MaxConcurrency": 8 },
              "Serve": { "MetricsPort": 0, "TriggerBatchSize": {{batch}} } }
            """);

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "serve", "--config", config, "--db", dir.File("serve.db"));

        Assert.Equal(2, exit);
        Assert.Contains($"{config}({At(config, "TriggerBatchSize")}): Serve:TriggerBatchSize {batch} must be between 1 and 11", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_serve_on_the_same_sqlite_store_is_refused_and_the_first_runs_on()
    {
        using var dir = new TemporaryDirectory();
        var devices = Directory.CreateDirectory(dir.File("devices")).FullName;
        var db = dir.File("serve.db");
        var config = dir.File("serve.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Cisco": { "Directory": "{{devices}}" }, "Store": { "Path": "{{db}}" }, "Serve": { "MetricsPort": 0 } }
            """);
        using var first = new ServeNode("first", dir.Path, config);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!first.Says("Application started"))
        {
            Assert.False(first.HasExited, first.Output);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"the first serve did not start.\n{first.Output}");
            await Task.Delay(100);
        }

        // A second scheduler on the file would recover the first one's running jobs as a crashed process's.
        using var second = CliProcess.Start(dir.Path, "serve", "--config", config);
        var (exit, _, stderr) = await second.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exit == 2, stderr);
        Assert.Equal(
            $"error: {db}: another serve already runs on this store (it holds {db}.serve-lock); stop it, or give this one another --db. "
            + "Several nodes share one store only in cluster mode (Store:Database postgres).",
            stderr.Trim());
        Assert.False(first.HasExited, first.Output);
        Assert.Equal(0, first.Terminate());
    }

    /// <summary>"line,column" of a key's opening quote in a settings file, as configuration errors give it.</summary>
    private static string At(string file, string key)
    {
        var lines = File.ReadAllLines(file);
        var line = Array.FindIndex(lines, l => l.Contains($"\"{key}\"", StringComparison.Ordinal));
        return $"{line + 1},{lines[line].IndexOf($"\"{key}\"", StringComparison.Ordinal) + 1}";
    }
}
