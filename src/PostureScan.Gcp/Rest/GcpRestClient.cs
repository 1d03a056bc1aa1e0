using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using PostureScan.Core.Serialization;
using PostureScan.Core.Text;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Rest;

/// <summary>
/// Authenticated GETs against Google's REST APIs, through the retry pipeline, with at most
/// <see cref="GcpOptions.MaxConcurrency"/> requests in flight. Every attempt is counted.
/// Only GET is ever sent: the scanner has no code path that could change a project.
/// </summary>
internal sealed class GcpRestClient : IDisposable
{
    /// <summary>Bound on one response body; the largest answers (500 policies on a page) are far smaller.</summary>
    private const int MaxResponseBytes = 16 * 1024 * 1024;

    private const int MaxErrorText = 500;

    private readonly HttpClient http;
    private readonly GoogleAccess access;
    private readonly ResiliencePipeline<HttpResponseMessage> retry;
    private readonly SemaphoreSlim gate;

    public GcpRestClient(GcpOptions options, GoogleAccess access, TimeProvider time)
    {
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
        {
            Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)),
            MaxResponseContentBufferSize = MaxResponseBytes,
        };
        this.access = access;
        retry = GcpRetry.Create(options, time);
        gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
    }

    /// <summary>GETs <paramref name="url"/> and returns its JSON body.</summary>
    /// <exception cref="GcpApiException">The API answered with an error status (after retries).</exception>
    public async Task<JsonElement> GetAsync(Uri url, CallCounter counter, CancellationToken ct)
    {
        using var response = await retry.ExecuteAsync(token => SendOnceAsync(url, counter, token), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, ct);
        }

        // Buffered already, within MaxResponseContentBufferSize. Repaired before parsing, so a description
        // or label with an unpaired surrogate escape reads as U+FFFD wherever it is deserialised.
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        TolerantJson.ReplaceUnpairedSurrogates(body);
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        return document.RootElement.Clone();
    }

    public async Task<T> GetAsync<T>(Uri url, CallCounter counter, CancellationToken ct)
    {
        var json = await GetAsync(url, counter, ct);
        return json.Deserialize<T>(GcpJson.Options) ?? throw new JsonException($"{url.AbsolutePath}: empty response body");
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(Uri url, CallCounter counter, CancellationToken ct)
    {
        // The slot is held for one attempt only, never across a backoff wait.
        await gate.WaitAsync(ct);
        try
        {
            var token = await access.AccessTokenAsync(ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            counter.Increment();
            return await http.SendAsync(request, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<GcpApiException> ErrorAsync(HttpResponseMessage response, CancellationToken ct) =>
        ParseError(response.StatusCode, response.ReasonPhrase, await response.Content.ReadAsStringAsync(ct));

    /// <summary>An error answer as an exception: Google's error body when there is one, the status otherwise.</summary>
    internal static GcpApiException ParseError(HttpStatusCode status, string? reasonPhrase, string body)
    {
        ErrorBody? error = null;
        try
        {
            var json = System.Text.Encoding.UTF8.GetBytes(body);
            TolerantJson.ReplaceUnpairedSurrogates(json);
            error = JsonSerializer.Deserialize<ErrorEnvelope>(json, GcpJson.Options)?.Error;
        }
        catch (JsonException)
        {
            // Not Google's error shape (a proxy's HTML page): the status alone tells what happened.
        }

        var reason = error?.Errors?.FirstOrDefault()?.Reason ?? error?.Status;
        var message = error?.Message ?? reasonPhrase ?? "";
        var code = (int)status;
        var summary = reason is null ? $"HTTP {code}: {message}" : $"HTTP {code} {reason}: {message}";
        return new GcpApiException(status, Bound(reason, 100), Bound(summary, MaxErrorText)!);
    }

    private static string? Bound(string? text, int max) => text is { Length: > 0 } ? BoundedText.Clip(text, max) : text;

    public void Dispose()
    {
        http.Dispose();
        gate.Dispose();
    }
}
