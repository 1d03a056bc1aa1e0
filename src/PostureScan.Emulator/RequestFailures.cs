using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PostureScan.Emulator;

/// <summary>
/// The last resort for a request whose handler threw. Without it Kestrel answers a bare HTTP 500 that
/// no request log line explains, and a client that retries it leaves no trace but its retries. The
/// failure is written to <see cref="EmulatorOptions.RequestLog"/>, kept in
/// <see cref="EmulatorCounters.Failures"/>, and answered with HTTP 500 and a plain-text body naming it.
/// </summary>
internal static class RequestFailures
{
    public static void UseRequestFailures(this IApplicationBuilder app, EmulatorState state)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                var cause = $"{e.GetType().Name}: {Printable(e.Message)}";
                var failure = $"{Printable(context.Request.Method)} {Printable(context.Request.Path.ToString())} -> 500 unhandled {cause}";
                state.Counters.RecordFailure(failure);
                state.Options.RequestLog?.WriteLine(failure);
                if (context.Response.HasStarted)
                {
                    // Too late for a status: rethrowing lets Kestrel abort the response, so a partial body
                    // cannot pass for a whole one.
                    throw;
                }

                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"PostureScan emulator failure: {cause}\n", context.RequestAborted);
            }
        });
    }

    /// <summary>
    /// The message may quote the caller's text (an XmlException names the character it refused), as the path
    /// and method are the caller's, and the request log is often a terminal, so control characters are written
    /// as \uXXXX escapes.
    /// </summary>
    private static string Printable(string text)
    {
        var printable = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = char.IsControl(c) ? printable.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : printable.Append(c);
        }

        return printable.ToString();
    }
}
