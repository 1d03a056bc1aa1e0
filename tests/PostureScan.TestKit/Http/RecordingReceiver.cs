using System.Net;
using System.Text;
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
/// says: first the <see cref="Script"/>ed replies in order, then whatever <see cref="Respond"/> returns
/// (200 "ok" by default). To play "receiver down", dispose it and start a new one on the same
/// <see cref="Port"/> later.
/// </summary>
public sealed class RecordingReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<ReceiverReply> _script = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    private RecordingReceiver(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public int Port => BaseAddress.Port;

    /// <summary>The answer for requests that no scripted reply is left for. Called under no lock; keep it pure.</summary>
    public Func<RecordedRequest, ReceiverReply> Respond { get; set; } = _ => ReceiverReply.Ok();

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
        // The empty builder reads no configuration and logs nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        var receiver = new RecordingReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync(cancellationToken);

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        receiver.BaseAddress = new Uri($"http://127.0.0.1:{bound.Port}/");
        return receiver;
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

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

        var reply = scripted ?? Respond(request);
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

        await context.Response.WriteAsync(reply.Body, Encoding.UTF8, context.RequestAborted);
    }
}
