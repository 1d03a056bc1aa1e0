using System.Net;
using System.Net.Sockets;
using Npgsql;
using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>A PostgreSQL store that cannot be opened is the operator's to fix: one line naming where and why, exit 2.</summary>
[Collection(PostgresDatabases.Name)]
public sealed class StoreConnectionErrorTests(PostgresServer server)
{
    [Fact]
    public async Task Status_against_a_server_that_is_not_listening_says_where_and_exits_2()
    {
        using var dir = new TemporaryDirectory();
        var port = ClosedPort();
        var db = $"Host=127.0.0.1;Port={port};Database=posturescan;Username=posturescan;Password=hunter2-secret";

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", db);

        Assert.True(exit == 2, stderr);
        Assert.StartsWith($"error: postgres://127.0.0.1:{port}/posturescan: cannot open the store: Failed to connect to 127.0.0.1:{port}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_on_a_database_that_does_not_exist_gives_the_servers_reason_and_exits_2()
    {
        using var dir = new TemporaryDirectory();
        var devices = Directory.CreateDirectory(dir.File("devices")).FullName;
        var config = dir.File("serve.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Cisco": { "Directory": "{{devices}}" }, "Serve": { "MetricsPort": 0 } }
            """);
        var missing = new NpgsqlConnectionStringBuilder(server.ConnectionString("no_such_database"));

        var (exit, _, stderr) = await CliProcess.RunWithEnvironmentAsync(
            dir.Path,
            new Dictionary<string, string>
            {
                ["POSTURESCAN__STORE__DATABASE"] = "postgres",
                ["POSTURESCAN__STORE__CONNECTIONSTRING"] = missing.ToString(),
            },
            "serve", "--config", config);

        Assert.True(exit == 2, stderr);
        Assert.Equal(
            $"error: postgres://127.0.0.1:{server.Port}/no_such_database: cannot open the store: 3D000: database \"no_such_database\" does not exist",
            stderr.Trim());
    }

    /// <summary>A loopback port nothing listens on: taken from the system, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
