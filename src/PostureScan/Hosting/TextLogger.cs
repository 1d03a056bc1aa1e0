using Microsoft.Extensions.Logging;

namespace PostureScan.Hosting;

/// <summary>Log lines of warning and above to a text writer (standard error for the CLI): the CLI has no host to log through.</summary>
internal sealed class TextLogger(TextWriter writer) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            // The message only: an exception's text is not written, since a library's message may quote a secret URL.
            writer.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, null)}");
        }
    }
}
