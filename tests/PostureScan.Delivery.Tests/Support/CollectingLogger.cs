using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PostureScan.Delivery.Tests.Support;

/// <summary>Keeps every formatted log line (and exception text), to check what the dispatcher says and never says.</summary>
internal sealed class CollectingLogger : ILogger
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue($"{logLevel} {formatter(state, exception)} {exception}");
}
