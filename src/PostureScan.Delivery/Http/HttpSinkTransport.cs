using System.Globalization;
using System.Net.Sockets;
using PostureScan.Core.Delivery;

namespace PostureScan.Delivery.Http;

/// <summary>
/// Sends one request for a sink and turns the answer into a <see cref="SinkResponse"/>. A transport
/// failure is rethrown as a new exception whose text names the sink and the kind of failure only:
/// the original's message and inner exceptions may quote the URL (whose path is the credential of a
/// Sumo Logic or Slack URL), so they are not kept.
/// </summary>
internal sealed class HttpSinkTransport(HttpClient client, TimeProvider time, string sinkKind, string sinkName, SinkSecrets secrets)
{
    /// <summary>The most of a response body read for its reason: a receiver can answer with anything.</summary>
    private const int MaxBodyBytes = 4096;

    public async Task<SinkResponse> SendAsync(
        HttpRequestMessage request,
        Func<int, string, (int StatusCode, string? Reason)>? interpret,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException(ex.HttpRequestError, Describe(ex), inner: null, ex.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{sinkKind} sink '{sinkName}': no answer within the HTTP client's timeout.");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await ReadBoundedAsync(response, client.Timeout, cancellationToken).ConfigureAwait(false);
            var (mapped, detail) = interpret?.Invoke(status, body) ?? (status, null);
            var retryAfter = RetryAfterHeader.Parse(response.Headers, time);
            var succeeded = mapped is >= 200 and < 300;
            var reason = succeeded && detail is null ? null : secrets.Redact(Reason(status, detail));
            return new SinkResponse(mapped, retryAfter, reason);
        }
    }

    /// <summary>
    /// Sends a batch that was split into several bodies, one request each, in order. The first failure
    /// stops the batch and is the answer, so a retry sends the whole batch again and the receiver drops
    /// copies by idempotency key.
    /// </summary>
    public async Task<SinkResponse> SendEachAsync(
        IEnumerable<byte[]> bodies,
        Func<byte[], HttpRequestMessage> requestFor,
        Func<int, string, (int StatusCode, string? Reason)>? interpret,
        CancellationToken cancellationToken)
    {
        SinkResponse? last = null;
        foreach (var body in bodies)
        {
            using var request = requestFor(body);
            last = await SendAsync(request, interpret, cancellationToken).ConfigureAwait(false);
            if (!last.Succeeded)
            {
                return last;
            }
        }

        return last ?? new SinkResponse(204);
    }

    private static string Reason(int status, string? detail) =>
        detail is null
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status}")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {detail}");

    private string Describe(HttpRequestException ex)
    {
        var socket = FindSocketError(ex);
        var what = ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name did not resolve",
            HttpRequestError.ConnectionError => "could not connect",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ResponseEnded => "the connection closed before a complete answer",
            HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel",
            HttpRequestError.InvalidResponse => "the answer was not valid HTTP",
            _ => "the request failed",
        };
        var code = socket is null ? "" : $" (socket error {socket})";
        return $"{sinkKind} sink '{sinkName}': {what}{code} [{ex.HttpRequestError}].";
    }

    private static SocketError? FindSocketError(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    /// <summary>
    /// Up to <see cref="MaxBodyBytes"/> of the body, within the client's timeout (which, with headers-read
    /// completion, no longer covers the body): a receiver trickling bytes cannot hold the outbox. The body
    /// only refines the reason, so a body that cannot be read is read as empty.
    /// </summary>
    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, TimeSpan limit, CancellationToken cancellationToken)
    {
        // Wall-clock, like HttpClient.Timeout itself: an I/O bound, not a wait the scanner schedules.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(limit == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(100) : limit);
        var buffer = new byte[MaxBodyBytes];
        var filled = 0;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), linked.Token).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return "";
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, filled);
    }
}
