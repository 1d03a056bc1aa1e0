using Amazon.Runtime;
using Polly;
using Polly.Retry;

namespace PostureScan.Aws.Audit;

/// <summary>
/// Retries of audit reads: throttling, server errors and transport failures, with exponential backoff
/// and jitter on the scan's clock. Access denied and bad requests are not retried: they will not change.
/// </summary>
internal static class AuditRetry
{
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "SlowDown", "RequestLimitExceeded", "InternalFailure", "InternalError", "ServiceUnavailable",
    };

    public static ResiliencePipeline Create(int maxRetries, int baseDelayMs, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(Math.Max(1, baseDelayMs)),
                MaxDelay = TimeSpan.FromSeconds(20),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context.CancellationToken)),
            });
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Exception? exception, CancellationToken cancellationToken) => exception switch
    {
        CloudTrailException e => e.IsRetryable,
        AmazonServiceException { ErrorCode: { } code } => RetryableCodes.Contains(code),
        AmazonServiceException e => (int)e.StatusCode >= 500,
        HttpRequestException or IOException => true,
        // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
