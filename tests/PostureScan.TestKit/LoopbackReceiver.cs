using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PostureScan.TestKit;

/// <summary>
/// An HTTP receiver on 127.0.0.1 that records every request (headers and exact body bytes) and answers as the
/// test says: <see cref="Respond"/> sees each request and returns the status and headers, or holds the request
/// open. <see cref="StopAsync"/> closes the port ("receiver down"); <see cref="StartAgainAsync"/> reopens it.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> requests = new();
    private WebApplication? app;

    private LoopbackReceiver(int port) => Port = port;

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hook/T0KEN-IN-PATH");

    /// <summary>The answer to each request; 200 by default.</summary>
    public Func<ReceivedRequest, Task<ReceiverAnswer>> Respond { get; set; } = _ => Task.FromResult(new ReceiverAnswer(200));

    public IReadOnlyList<ReceivedRequest> Requests => [.. requests];

    /// <summary>Signalled on each request as it arrives, before it is answered.</summary>
    public event Action<ReceivedRequest>? Received;

    public static async Task<LoopbackReceiver> StartAsync(int port = 0)
    {
        var receiver = new LoopbackReceiver(port);
        await receiver.StartAgainAsync();
        return receiver;
    }

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, Port);
        });
        builder.Services.AddRoutingCore();
        var next = builder.Build();
        next.Run(HandleAsync);
        await next.StartAsync();
        Port = new Uri(next.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;
        app = next;
    }

    public async Task StopAsync()
    {
        if (app is { } running)
        {
            app = null;
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>The idempotency keys of the events in a request body (<c>{"events":[{"idempotencyKey":...}]}</c>).</summary>
    public static IReadOnlyList<string> Keys(ReceivedRequest request)
    {
        using var json = JsonDocument.Parse(request.Body);
        return [.. json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("idempotencyKey").GetString()!)];
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray());
        requests.Enqueue(request);
        Received?.Invoke(request);
        var answer = await Respond(request);
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
    }
}

public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body);

public sealed record ReceiverAnswer(int Status, IReadOnlyDictionary<string, string>? Headers = null);
