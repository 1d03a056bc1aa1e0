using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using PostureScan.Core.Delivery;

namespace PostureScan.Delivery.Outbox;

/// <summary>
/// Drains the outbox: for each sink, its oldest pending rows in batches of the sink's size, one batch at a time
/// (the head of the line waits, so a sink receives its events in queue order). A batch is retried through a
/// Polly retry strategy (exponential backoff with jitter, or the receiver's Retry-After) and its rows are marked
/// delivered on a 2xx, or dead-lettered with a secret-free reason when refused for good or out of tries. Every
/// try is counted in the store before it is made, so a crash between sending and marking re-sends the same rows,
/// with the same idempotency keys, and still within the bound. Sinks drain side by side; one failing sink never
/// holds up the others.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDeliveryOutbox outbox,
    IReadOnlyList<IDeliverySink> sinks,
    DeliveryPolicy policy,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger logger)
{
    private readonly DeliveryPolicy policy = policy.Validated();

    /// <summary>One pass over every sink, until each has nothing pending or the token is cancelled (rows then stay pending).</summary>
    public async Task<IReadOnlyList<SinkDrainResult>> DrainAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(sinks.Select(s => DrainSinkAsync(s, cancellationToken)));

    private async Task<SinkDrainResult> DrainSinkAsync(IDeliverySink sink, CancellationToken cancellationToken)
    {
        int delivered = 0, dead = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var batch = await outbox.GetPendingAsync(sink.Name, Math.Max(1, sink.MaxBatchSize), cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                if (await DeliverBatchAsync(sink, batch, cancellationToken))
                {
                    delivered += batch.Count;
                }
                else
                {
                    dead += batch.Count;
                }
            }

            return new SinkDrainResult(sink.Name, delivered, dead, cancellationToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(logger, sink.Name);
            return new SinkDrainResult(sink.Name, delivered, dead, true);
        }
        catch (Exception ex)
        {
            // The store failed (a sink's own errors never get here): the rows stay pending for the next pass.
            var reason = redactor.Redact($"{ex.GetType().Name}: {ex.Message}");
            LogStoreFailed(logger, sink.Name, reason);
            return new SinkDrainResult(sink.Name, delivered, dead, true, reason);
        }
    }

    /// <summary>Sends one batch until it is delivered (true) or dead-lettered (false).</summary>
    private async Task<bool> DeliverBatchAsync(IDeliverySink sink, IReadOnlyList<OutboxEntry> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(e => e.Id).ToList();
        var events = batch.Select(e => e.Event).ToList();
        var remaining = policy.MaxAttempts - batch.Max(e => e.Attempts);
        if (remaining <= 0)
        {
            await outbox.MarkDeadAsync(ids, Reason($"no tries left of {policy.MaxAttempts}", batch[0].LastError), time.GetUtcNow(), cancellationToken);
            LogDead(logger, sink.Name, batch.Count, batch[0].LastError ?? "no tries left");
            return false;
        }

        string? lastError = null;
        var attempt = await Pipeline(sink.Name, remaining, error => lastError = error).ExecuteAsync(
            async ct =>
            {
                await outbox.RecordAttemptAsync(ids, time.GetUtcNow(), lastError, ct);
                return await SendOnceAsync(sink, events, ct);
            },
            cancellationToken);

        // The answer is in: record it even if the pass is being stopped, so that a stop re-sends as little as it can.
        if (attempt.Succeeded)
        {
            await outbox.MarkDeliveredAsync(ids, time.GetUtcNow(), CancellationToken.None);
            LogDelivered(logger, sink.Name, batch.Count, attempt.Response!.StatusCode);
            return true;
        }

        var reason = Reason(attempt.IsTransient ? $"gave up after {policy.MaxAttempts} tries" : "refused", Describe(attempt));
        await outbox.MarkDeadAsync(ids, reason, time.GetUtcNow(), CancellationToken.None);
        LogDead(logger, sink.Name, batch.Count, reason);
        return false;
    }

    /// <summary>One send. A transport failure becomes a result, so the retry strategy sees answers and failures alike.</summary>
    private static async Task<SendAttempt> SendOnceAsync(IDeliverySink sink, IReadOnlyList<DeliveryEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            return new SendAttempt(await sink.SendAsync(events, cancellationToken), null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendAttempt(null, ex);
        }
    }

    private ResiliencePipeline<SendAttempt> Pipeline(string sink, int tries, Action<string> onRetry)
    {
        var builder = new ResiliencePipelineBuilder<SendAttempt> { TimeProvider = time };
        if (tries > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<SendAttempt>
            {
                MaxRetryAttempts = tries - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.BaseDelay,
                MaxDelay = policy.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Succeeded: false, IsTransient: true }),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var error = Describe(args.Outcome.Result!);
                    onRetry(error);
                    LogRetry(logger, sink, args.AttemptNumber + 1, error, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    /// <summary>The receiver's Retry-After, no longer than the policy allows; null lets the backoff decide.</summary>
    private TimeSpan? RetryAfter(SendAttempt? attempt) =>
        attempt?.Response?.RetryAfter is { } wait ? TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, policy.MaxDelay.Ticks)) : null;

    private string Describe(SendAttempt attempt) => redactor.Redact(
        attempt.Response is { } r ? r.Reason ?? $"HTTP {r.StatusCode}" : $"{attempt.Error!.GetType().Name}: {attempt.Error.Message}");

    private string Reason(string what, string? last) => redactor.Redact(last is null ? what : $"{what}: {last}");

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Delivery to {Sink}: {Count} events delivered (HTTP {Status})")]
    private static partial void LogDelivered(ILogger logger, string sink, int count, int status);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "Delivery to {Sink}: try {Attempt} failed ({Error}); next try in {Delay}")]
    private static partial void LogRetry(ILogger logger, string sink, int attempt, string error, TimeSpan delay);

    [LoggerMessage(EventId = 62, Level = LogLevel.Error, Message = "Delivery to {Sink}: {Count} events moved to the dead letters ({Reason})")]
    private static partial void LogDead(ILogger logger, string sink, int count, string reason);

    [LoggerMessage(EventId = 63, Level = LogLevel.Warning, Message = "Delivery to {Sink} stopped; its events stay queued")]
    private static partial void LogStopped(ILogger logger, string sink);

    [LoggerMessage(EventId = 64, Level = LogLevel.Error, Message = "Delivery to {Sink} stopped by a store failure ({Reason}); its events stay queued")]
    private static partial void LogStoreFailed(ILogger logger, string sink, string reason);
}
