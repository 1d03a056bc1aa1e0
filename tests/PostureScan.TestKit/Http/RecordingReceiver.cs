using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PostureScan.TestKit.Http;

/// <summary>
/// A loopback HTTP server (Kestrel on 127.0.0.1) that records every request and answers what the test
/// says: first the <see cref="Script"/>ed replies in order, then <see cref="RespondAsync"/> when set (it may
/// hold a request open), else <see cref="Respond"/> (200 "ok" by default). To play "receiver down",
/// <see cref="StopAsync"/> closes the port and <see cref="StartAgainAsync"/> reopens the same one.
/// </summary>
public sealed class RecordingReceiver : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<ReceiverReply> _script = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private WebApplication? _app;

    private RecordingReceiver(int port) => BaseAddress = new Uri($"http://127.0.0.1:{port}/");

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; private set; }

    public int Port => BaseAddress.Port;

    /// <summary>A hook URL on this receiver with a token in its path, as webhook URLs carry their secret.</summary>
    public Uri Url => new(BaseAddress, "hook/T0KEN-IN-PATH");

    /// <summary>The answer for requests that no scripted reply is left for. Called under no lock; keep it pure.</summary>
    public Func<RecordedRequest, ReceiverReply> Respond { get; set; } = _ => ReceiverReply.Ok();

    /// <summary>When set, answers instead of <see cref="Respond"/>; its task may stay pending to hold the request open.</summary>
    public Func<RecordedRequest, Task<ReceiverReply>>? RespondAsync { get; set; }

    /// <summary>Raised on each request as it arrives, after it is recorded and before it is answered.</summary>
    public event Action<RecordedRequest>? Received;

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts listening on 127.0.0.1 (<paramref name="port"/> 0 picks a free port); returns once bound.</summary>
    public static async Task<RecordingReceiver> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var receiver = new RecordingReceiver(port);
        await receiver.StartAgainAsync(cancellationToken);
        return receiver;
    }

    /// <summary>Listens again on the same port after <see cref="StopAsync"/>; what was recorded is kept.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        // The empty builder reads no configuration and logs nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, Port);
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken);

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        BaseAddress = new Uri($"http://127.0.0.1:{bound.Port}/");
        _app = app;
    }

    /// <summary>Closes the port: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is { } running)
        {
            _app = null;
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    /// <summary>Answers the next requests with these replies, in order, before falling back to <see cref="Respond"/>.</summary>
    public void Script(params ReceiverReply[] replies)
    {
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _script.Enqueue(reply);
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived (cancel it to bound the wait).</summary>
    public Task WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The idempotency keys of the events in a webhook body (<c>{"events":[{"idempotencyKey":...}]}</c>).</summary>
    public static IReadOnlyList<string> Keys(RecordedRequest request)
    {
        using var json = JsonDocument.Parse(request.Body);
        return [.. json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("idempotencyKey").GetString()!)];
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

        RecordedRequest request;
        ReceiverReply? scripted;
        lock (_gate)
        {
            request = new RecordedRequest(
                _requests.Count + 1,
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.QueryString.Value ?? "",
                headers,
                body.ToArray());
            _requests.Add(request);
            _script.TryDequeue(out scripted);
            foreach (var waiter in _waiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        Received?.Invoke(request);
        var reply = scripted ?? (RespondAsync is { } respondAsync ? await respondAsync(request) : Respond(request));
        if (reply.AbortConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        // 204 and 304 carry no body; Kestrel refuses a write for them.
        if (reply.StatusCode is not (204 or 304))
        {
            await context.Response.WriteAsync(reply.Body, Encoding.UTF8, context.RequestAborted);
        }
    }
}
