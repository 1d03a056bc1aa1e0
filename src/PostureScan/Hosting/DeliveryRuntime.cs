using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PostureScan.Cli;
using PostureScan.Core.Delivery;
using PostureScan.Delivery.Outbox;

namespace PostureScan.Hosting;

/// <summary>
/// The configured delivery: settings, sinks, their shared HTTP client and the retry policy. Built once per
/// command; <see cref="Create"/> returns null when no sink is configured, and then nothing is queued or sent.
/// </summary>
internal sealed class DeliveryRuntime : IDisposable
{
    private DeliveryRuntime(DeliverySettings settings, ConfiguredSinks sinks, HttpClient http)
    {
        Settings = settings;
        Sinks = sinks;
        Http = http;
        Policy = new DeliveryPolicy(settings.MaxAttempts, TimeSpan.FromMilliseconds(settings.BaseDelayMs), TimeSpan.FromSeconds(settings.MaxDelaySeconds));
    }

    public DeliverySettings Settings { get; }

    public ConfiguredSinks Sinks { get; }

    public DeliveryPolicy Policy { get; }

    private HttpClient Http { get; }

    /// <summary>The delivery of <paramref name="configuration"/>'s <c>Delivery</c> section, or null when it names no sink.</summary>
    public static DeliveryRuntime? Create(IConfiguration configuration, Func<string, string?>? environment = null)
    {
        // Each sink first, on its own: the binder names an unknown key only at the level where it is bound.
        foreach (var sink in configuration.GetSection($"{DeliverySettings.Section}:Sinks").GetChildren())
        {
            _ = AppConfiguration.Bind<DeliverySinkSettings>(configuration, sink.Path);
        }

        var settings = AppConfiguration.Bind<DeliverySettings>(configuration, DeliverySettings.Section);
        AppConfiguration.Check(configuration, () => Validate(settings, configuration));
        if (settings.Sinks.Count == 0)
        {
            return null;
        }

        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
        try
        {
            var sinks = AppConfiguration.Check(configuration, () => DeliverySinkFactory.Create(settings, http, environment ?? Environment.GetEnvironmentVariable));
            return new DeliveryRuntime(settings, sinks, http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>What the store needs to queue each stored run's events for these sinks.</summary>
    public OutboxRoute Route(string? reportPath) => OutboxRoute.For(Sinks.Sinks, reportPath);

    public OutboxDispatcher Dispatcher(IDeliveryOutbox outbox, TimeProvider time, ILogger logger) =>
        new(outbox, Sinks.Sinks, Policy, Sinks.Redactor, time, logger);

    public void Dispose() => Http.Dispose();

    private static void Validate(DeliverySettings s, IConfiguration configuration)
    {
        foreach (var (key, value, min, max) in new[]
        {
            (nameof(s.MaxAttempts), s.MaxAttempts, 1, 100),
            (nameof(s.BaseDelayMs), s.BaseDelayMs, 1, 600_000),
            (nameof(s.MaxDelaySeconds), s.MaxDelaySeconds, 1, 86_400),
            (nameof(s.TimeoutSeconds), s.TimeoutSeconds, 1, 600),
            (nameof(s.ScanWaitSeconds), s.ScanWaitSeconds, 0, 86_400),
            (nameof(s.IntervalSeconds), s.IntervalSeconds, 1, 86_400),
        })
        {
            if (value < min || value > max)
            {
                throw new SettingException($"{DeliverySettings.Section}:{key}", $"must be between {min} and {max} (not {value})");
            }
        }

        if (s.MaxDelaySeconds * 1000L < s.BaseDelayMs)
        {
            // Named by the one that was set: with MaxDelaySeconds at its default, BaseDelayMs is the mistake.
            var maxDelay = $"{DeliverySettings.Section}:{nameof(s.MaxDelaySeconds)}";
            throw configuration[maxDelay] is null
                ? new SettingException($"{DeliverySettings.Section}:{nameof(s.BaseDelayMs)}", $"{s.BaseDelayMs} is longer than MaxDelaySeconds ({s.MaxDelaySeconds} s)")
                : new SettingException(maxDelay, $"{s.MaxDelaySeconds} must not be shorter than BaseDelayMs ({s.BaseDelayMs} ms)");
        }
    }
}
