using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// Everything under the GCP APIs that is not a served read. A write (POST, PUT, PATCH, DELETE) is
/// refused with 403 and counted as a rejected write, so tests can prove the scanner changed nothing;
/// an unknown read is answered 404 and counted as an unsupported read.
/// </summary>
internal static partial class GcpRefusals
{
    private static readonly Dictionary<string, string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST"] = "insert",
        ["PUT"] = "update",
        ["PATCH"] = "patch",
        ["DELETE"] = "delete",
    };

    // Where the collection name sits after "projects/{project}/": regional and zonal paths carry a location first.
    private static readonly Dictionary<string, int> CollectionOffset = new(StringComparer.Ordinal)
    {
        ["regions"] = 2,
        ["zones"] = 2,
        ["global"] = 1,
        ["aggregated"] = 1,
    };

    public static async Task HandleAsync(HttpContext http, string service, EmulatorState state)
    {
        var method = http.Request.Method;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var path = http.Request.RouteValues["path"] as string ?? "";
        var action = ActionName(service, method, path, isRead);
        state.Counters.RecordRejected(action, isWrite: !isRead);

        var response = isRead ? GcpErrors.NotFound(path) : GcpErrors.Forbidden(action, path);
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = "application/json; charset=UTF-8";
        state.Options.RequestLog?.WriteLine($"gcp {method} {action} -> {response.Status} {response.Reason}");
        await http.Response.WriteAsync(response.Body.ToJsonString(GcpJsonOutput.Indented), http.RequestAborted);
    }

    /// <summary>"compute.packetMirrorings.insert" from POST projects/p/regions/r/packetMirrorings.</summary>
    private static string ActionName(string service, string method, string path, bool isRead)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var rest = segments.Length >= 2 && segments[0] == "projects" ? segments[2..] : segments;
        var collection = rest.Length == 0 ? "projects"
            : CollectionOffset.TryGetValue(rest[0], out var at) ? rest.ElementAtOrDefault(at) ?? rest[0]
            : rest[0];
        var verb = isRead ? "get" : Verbs.GetValueOrDefault(method, method.ToLowerInvariant());
        return $"{service}.{Clean(collection)}.{Clean(verb)}";
    }

    /// <summary>Counter keys come from the request path: keep them short and plain.</summary>
    private static string Clean(string part)
    {
        var plain = NotPlain().Replace(part, "");
        return plain.Length == 0 ? "unknown" : plain.Length <= 48 ? plain : plain[..48];
    }

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NotPlain();
}
