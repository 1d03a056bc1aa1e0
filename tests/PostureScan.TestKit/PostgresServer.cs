using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace PostureScan.TestKit;

/// <summary>
/// A throwaway PostgreSQL cluster under a temporary folder: initdb, then the server on 127.0.0.1 on a free
/// port with its socket in the same folder, stopped and deleted on dispose. Each test asks for a fresh
/// database. Missing server binaries fail the tests that need them, with the reason; they are never skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>Overrides where initdb and pg_ctl are looked for.</summary>
    public const string BinEnvironmentVariable = "POSTURESCAN_PG_BIN";

    private const string Superuser = "posturescan";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string folder = Directory.CreateTempSubdirectory("posturescan-pg-").FullName;
    private string bin = "";
    private bool started;

    /// <summary>The port the server listens on, on 127.0.0.1 only.</summary>
    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(folder, "data");

    public async Task InitializeAsync()
    {
        bin = FindBinaries();
        var sockets = Directory.CreateDirectory(Path.Combine(folder, "run")).FullName;
        Directory.CreateDirectory(DataDirectory);
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
        {
            // initdb refuses to run as root: the server runs as the postgres account, which must own its
            // folders and be able to reach them through the (owner-only) temporary folder.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-sync"]);
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var options = string.Create(
                CultureInfo.InvariantCulture,
                $"-c listen_addresses=127.0.0.1 -p {Port} -k {sockets} -c fsync=off -c max_connections=300");
            try
            {
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
                started = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between probe and start: try another.
            }
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection); // a generated name, not input
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>The connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Pooling = true,
        MaxPoolSize = 20,
    }.ToString();

    public async Task DisposeAsync()
    {
        try
        {
            if (started)
            {
                NpgsqlConnection.ClearAllPools();
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable(BinEnvironmentVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"{BinEnvironmentVariable}={configured} holds no initdb.");
        }

        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/initdb). Install the Debian package "
            + $"'postgresql' (.ci/run does), or set {BinEnvironmentVariable} to the folder holding initdb and pg_ctl.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> args, bool asPostgres = true)
    {
        var info = new ProcessStartInfo(asPostgres && Environment.IsPrivilegedProcess ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            foreach (var arg in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr} {await stdout}".Trim());
        }
    }
}
