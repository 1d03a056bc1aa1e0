using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PostureScan.Emulator.Arm;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.CloudTrail;
using PostureScan.Emulator.Ec2;
using PostureScan.Emulator.Elb;
using PostureScan.Emulator.Gcp;
using PostureScan.Emulator.S3;
using PostureScan.Emulator.Sts;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator;

/// <summary>
/// The emulator running in-process on 127.0.0.1: AWS SDK clients point their service URL at
/// <see cref="Endpoint"/>; Azure clients reach Resource Manager and the token endpoint at
/// <see cref="HttpsEndpoint"/>, trusting exactly <see cref="Certificate"/>. Quiet: it logs nothing
/// unless <see cref="EmulatorOptions.RequestLog"/> is set.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private EmulatorHost(WebApplication app, EmulatorState state, Uri endpoint, Uri httpsEndpoint, X509Certificate2 certificate)
    {
        _app = app;
        _state = state;
        Endpoint = endpoint;
        HttpsEndpoint = httpsEndpoint;
        Certificate = certificate;
        Simulation = new Simulation.WorldSimulation(state);
    }

    /// <summary>The plain HTTP base address, http://127.0.0.1:PORT/ (the AWS query protocols).</summary>
    public Uri Endpoint { get; }

    /// <summary>The HTTPS base address, https://127.0.0.1:PORT/ (Azure Resource Manager and the token endpoint).</summary>
    public Uri HttpsEndpoint { get; }

    /// <summary>The self-signed certificate of <see cref="HttpsEndpoint"/>, made at start for 127.0.0.1 and localhost.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The SHA-256 thumbprint of <see cref="Certificate"/> (upper-case hex), for clients that pin it.</summary>
    public string CertificateThumbprint => EmulatorCertificate.Thumbprint(Certificate);

    public EmulatorCounters Counters => _state.Counters;

    public World World => _state.World;

    /// <summary>The simulation's write path into the running world (never reachable over the wire).</summary>
    public Simulation.WorldSimulation Simulation { get; }

    /// <summary>Validates the world and starts listening; returns once the port is bound.</summary>
    /// <exception cref="WorldFormatException">The world is not valid (duplicate ids, bad values).</exception>
    public static async Task<EmulatorHost> StartAsync(World world, EmulatorOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        options ??= new EmulatorOptions();
        WorldReader.Validate(world);
        var state = new EmulatorState(world, options.RequestLog is { } log ? options with { RequestLog = new PrintableLog(log) } : options);
        var certificate = EmulatorCertificate.Create(options.TimeProvider);

        // The empty builder reads no configuration and registers no log provider: nothing in the
        // environment can move the port or flood a test's output.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Listen(IPAddress.Loopback, options.HttpsPort, listen => listen.UseHttps(certificate));
        });
        builder.Services.AddRoutingCore();

        var app = builder.Build();
        if (options.TimingLog is { } timing)
        {
            app.UseRequestTiming(timing, options.TimeProvider);
        }

        app.UseRequestFailures(state);

        app.MapAwsQuery(state, [Ec2Service.Create(), StsService.Create(), ElbService.Create()]);
        app.MapArm(state);
        app.MapGcp(state);
        app.MapCloudTrail(state);
        app.MapS3(state);
        await app.StartAsync(ct);

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(a => new Uri(a)).ToList();
        var http = addresses.First(a => a.Scheme == Uri.UriSchemeHttp).Port;
        var https = addresses.First(a => a.Scheme == Uri.UriSchemeHttps).Port;
        return new EmulatorHost(app, state, new Uri($"http://127.0.0.1:{http}/"), new Uri($"https://127.0.0.1:{https}/"), certificate);
    }

    /// <summary>
    /// Runs until <paramref name="ct"/> is cancelled: the standalone "emulator" command.
    /// Writes the endpoint, then one line per request, to <paramref name="output"/>.
    /// </summary>
    /// <param name="timingLog">Where to write <see cref="EmulatorOptions.TimingLog"/>'s lines, if anywhere.</param>
    public static async Task RunAsync(World world, int port, TextWriter output, CancellationToken ct, int httpsPort = 0, TextWriter? timingLog = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var log = TextWriter.Synchronized(output);
        var timing = timingLog is null ? null : TextWriter.Synchronized(timingLog);
        await using var host = await StartAsync(world, new EmulatorOptions { Port = port, HttpsPort = httpsPort, RequestLog = log, TimingLog = timing }, ct);
        await log.WriteLineAsync($"PostureScan emulator listening on {host.Endpoint} and {host.HttpsEndpoint} (certificate SHA-256 {host.CertificateThumbprint})");
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
        Certificate.Dispose();
    }
}
