using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PostureScan.Emulator.Arm;

/// <summary>
/// Serves Azure Resource Manager under /subscriptions and the Entra ID token endpoint, on the HTTPS
/// listener only: the Azure SDK refuses to send bearer tokens over plain HTTP, and so does ARM.
/// </summary>
internal static class ArmEndpoint
{
    public static void MapArm(this IEndpointRouteBuilder app, EmulatorState state)
    {
        var pipeline = new ArmPipeline(state);
        app.Map("/subscriptions", http => HandleAsync(http, pipeline, state));
        app.Map("/subscriptions/{**path}", http => HandleAsync(http, pipeline, state));
        app.MapPost("/{tenant}/oauth2/v2.0/token", http => TokenEndpoint.HandleAsync(http, state));
    }

    private static async Task HandleAsync(HttpContext http, ArmPipeline pipeline, EmulatorState state)
    {
        if (!http.Request.IsHttps)
        {
            await WriteAsync(http, new ArmError(400, "HttpsRequired", "Azure Resource Manager is served over HTTPS only."), null);
            return;
        }

        var (result, operation, subscription) = await pipeline.RunAsync(http.Request, http.RequestAborted);
        if (result.RetryAfterSeconds is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteAsync(http, result.Error, result.Body);
        state.Options.RequestLog?.WriteLine(
            $"arm {http.Request.Method} {operation} {subscription ?? "-"} -> {http.Response.StatusCode}{(result.Error is { } e ? " " + e.Code : "")}");
    }

    private static async Task WriteAsync(HttpContext http, ArmError? error, string? body)
    {
        http.Response.StatusCode = error?.Status ?? StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.WriteAsync(error is not null ? ArmJson.CloudError(error) : body ?? "", Encoding.UTF8, http.RequestAborted);
        }
    }
}
