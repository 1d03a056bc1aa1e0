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
                // The message may quote the caller's text (an XmlException names the character it refused), as the
                // method and path are the caller's: made printable for the body here, and for the log by PrintableLog.
                var cause = $"{e.GetType().Name}: {PrintableLog.Printable(e.Message)}";
                var failure = $"{PrintableLog.Printable(context.Request.Method)} {PrintableLog.Printable(context.Request.Path.ToString())} -> 500 unhandled {cause}";
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
}
