using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.CloudTrail;
using PostureScan.Emulator.Ec2;
using PostureScan.Emulator.Elb;
using PostureScan.Emulator.S3;
using PostureScan.Emulator.Sts;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator;

/// <summary>
/// The emulator running in-process on 127.0.0.1: real SDK clients point their service URL at
/// <see cref="Endpoint"/>. Quiet: it logs nothing unless <see cref="EmulatorOptions.RequestLog"/> is set.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private EmulatorHost(WebApplication app, EmulatorState state, Uri endpoint)
    {
        _app = app;
        _state = state;
        Endpoint = endpoint;
    }

    /// <summary>The base address, http://127.0.0.1:PORT/.</summary>
    public Uri Endpoint { get; }

    public EmulatorCounters Counters => _state.Counters;

    public World World => _state.World;

    /// <summary>Validates the world and starts listening; returns once the port is bound.</summary>
    /// <exception cref="WorldFormatException">The world is not valid (duplicate ids, bad values).</exception>
    public static async Task<EmulatorHost> StartAsync(World world, EmulatorOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        options ??= new EmulatorOptions();
        WorldReader.Validate(world);
        var state = new EmulatorState(world, options);

        // The empty builder reads no configuration and registers no log provider: nothing in the
        // environment can move the port or flood a test's output.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRoutingCore();

        var app = builder.Build();
        app.MapAwsQuery(state, [Ec2Service.Create(), StsService.Create(), ElbService.Create()]);
        app.MapCloudTrail(state);
        app.MapS3(state);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        return new EmulatorHost(app, state, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>
    /// Runs until <paramref name="ct"/> is cancelled: the standalone "emulator" command.
    /// Writes the endpoint, then one line per request, to <paramref name="output"/>.
    /// </summary>
    public static async Task RunAsync(World world, int port, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var log = TextWriter.Synchronized(output);
        await using var host = await StartAsync(world, new EmulatorOptions { Port = port, RequestLog = log }, ct);
        await log.WriteLineAsync($"PostureScan emulator listening on {host.Endpoint}");
        await log.FlushAsync(ct);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Cancellation is how the command is told to stop.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
