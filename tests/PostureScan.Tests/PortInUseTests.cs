using System.Net;
using System.Net.Sockets;
using PostureScan.Cli;
using PostureScan.TestKit;

namespace PostureScan.Tests;

/// <summary>A port another process holds is a setting to change: a usage error that names it, and the command ends.</summary>
public sealed class PortInUseTests
{
    [Fact]
    public async Task The_emulator_on_a_taken_port_names_the_option_to_change()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.File("world.yaml"), "aws: {}\n");
        using var holder = Hold(out var port);

        using var emulator = CliProcess.Start(dir.Path, "emulator", "--world", "world.yaml", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (exit, _, err) = await emulator.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(ExitCodes.UsageOrConfiguration, exit);
        Assert.Contains($"127.0.0.1:{port}: address already in use: another process holds the port; choose another with --port", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_on_a_taken_metrics_port_names_the_setting_and_ends()
    {
        using var dir = new TemporaryDirectory();
        Directory.CreateDirectory(dir.File("devices"));
        using var holder = Hold(out var port);
        File.WriteAllText(dir.File("serve.json"), $$"""{ "Cisco": { "Directory": "devices" }, "Serve": { "MetricsPort": {{port}} } }""");

        // Ending at all is part of the test: a scheduler started before the listener failed once kept the process alive.
        using var serve = CliProcess.Start(dir.Path, "serve", "--config", "serve.json", "--db", "serve.db");
        var (exit, output, err) = await serve.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(ExitCodes.UsageOrConfiguration, exit);
        Assert.Contains($"127.0.0.1:{port}: address already in use: another process holds the port; choose another with Serve:MetricsPort", err, StringComparison.Ordinal);

        // Its logs (the scheduler's start among them) go to standard error, as every command's do.
        Assert.Contains("Quartz.Core.QuartzScheduler", err, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    private static TcpListener Hold(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
