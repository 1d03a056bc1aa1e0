using System.Net;
using Polly;
using Polly.Retry;

namespace PostureScan.Gcp.Rest;

/// <summary>
/// The retry pipeline for every Google REST call: 429 and 5xx answers and transport failures are
/// retried with exponential backoff and jitter, or after the server's Retry-After when it sends one.
/// </summary>
internal static class GcpRetry
{
    /// <summary>A Retry-After beyond this is not waited for in full: a scan should not stall on one header.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private static readonly HashSet<HttpStatusCode> RetryableStatus =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    public static ResiliencePipeline<HttpResponseMessage> Create(GcpOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(Math.Max(1, options.RetryBaseDelayMs)),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
            });
        }

        return builder.Build();
    }

    /// <summary>The wait a response asks for (delta seconds or a date), capped; null to use the backoff.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var wait = response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, MaxRetryAfter.Ticks)) : null;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken ct) => outcome switch
    {
        { Result: { } response } => RetryableStatus.Contains(response.StatusCode),
        { Exception: HttpRequestException } => true,
        // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
        { Exception: OperationCanceledException } => !ct.IsCancellationRequested,
        _ => false,
    };
}
