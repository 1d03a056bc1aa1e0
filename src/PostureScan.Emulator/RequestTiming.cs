using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace PostureScan.Emulator;

/// <summary>
/// Writes <see cref="EmulatorOptions.TimingLog"/>: per request, its arrival and the time to answer it, in
/// milliseconds from the moment the pipeline was built. Measured around the whole pipeline, so an answer's
/// time includes the injected latency and everything the emulator did besides.
/// </summary>
internal static class RequestTiming
{
    public static void UseRequestTiming(this IApplicationBuilder app, TextWriter log, TimeProvider time)
    {
        var origin = time.GetTimestamp();
        app.Use(async (context, next) =>
        {
            var arrived = time.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var done = time.GetTimestamp();
                log.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{time.GetElapsedTime(origin, arrived).TotalMilliseconds:F1}\t{time.GetElapsedTime(arrived, done).TotalMilliseconds:F1}"));
            }
        });
    }
}
