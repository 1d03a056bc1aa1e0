using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PostureScan.Emulator.Gcp;

namespace PostureScan.Emulator.Logging;

/// <summary>
/// Cloud Logging v2 on the emulator's HTTP endpoint: entries:list is served (a read, though a POST);
/// every other call under /v2/ is refused and counted, a write as a rejected write.
/// </summary>
internal static class LoggingEndpoints
{
    private static readonly string[] AnyMethod = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    public static void MapCloudLogging(this IEndpointRouteBuilder app, EmulatorState state, GcpAccessTokens tokens)
    {
        var entries = new EntriesList(state, tokens);
        app.MapPost("/v2/entries:list", entries.HandleAsync);
        app.MapMethods("/v2/{**path}", AnyMethod, async http =>
        {
            var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
            var path = http.Request.RouteValues["path"] as string ?? "";
            var action = "logging." + new string([.. path.Take(100).Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '/')]);
            state.Counters.RecordRejected(action, isWrite: !read);
            var response = read ? GcpErrors.NotFound(path) : GcpErrors.Forbidden(action, path);
            http.Response.StatusCode = response.Status;
            http.Response.ContentType = "application/json; charset=UTF-8";
            await http.Response.WriteAsync(response.Body.ToJsonString(), http.RequestAborted);
        });
    }
}
