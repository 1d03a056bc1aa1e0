using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace PostureScan.Emulator.Aws;

/// <summary>
/// Serves every AWS query-protocol service on "/": the SigV4 credential scope names the service
/// (ec2, sts, elasticloadbalancing), as it does for AWS's own front ends.
/// </summary>
internal static class AwsQueryEndpoint
{
    /// <summary>Bound on a request body; Describe calls are a few kilobytes.</summary>
    private const int MaxBodyBytes = 1 << 20;

    /// <summary>Bound on the number of parameters in one request.</summary>
    private const int MaxParameters = 5000;

    public static void MapAwsQuery(this IEndpointRouteBuilder app, EmulatorState state, IReadOnlyList<QueryService> services)
    {
        var bySigningName = services.ToDictionary(s => s.SigningName, StringComparer.Ordinal);
        var pipeline = new QueryPipeline(state);
        var fallback = services[0];
        app.MapMethods("/", ["GET", "POST"], http => HandleAsync(http, pipeline, bySigningName, fallback, state));
    }

    private static async Task HandleAsync(
        HttpContext http,
        QueryPipeline pipeline,
        IReadOnlyDictionary<string, QueryService> services,
        QueryService fallback,
        EmulatorState state)
    {
        var parameters = await ReadParametersAsync(http.Request, http.RequestAborted);
        if (parameters is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var scope = SigV4Scope.Parse(http.Request.Headers.Authorization);
        var service = scope is not null && services.TryGetValue(scope.Service, out var named) ? named
            : services.Values.FirstOrDefault(s => parameters["Action"] is { } a && s.Actions.ContainsKey(a)) ?? fallback;
        var token = http.Request.Headers["X-Amz-Security-Token"].FirstOrDefault();

        var (result, requestId) = await pipeline.RunAsync(service, parameters, scope, token, http.RequestAborted);
        var body = result.Error is { } error ? service.WriteError(error, requestId) : result.Body ?? "";
        http.Response.StatusCode = result.Error?.Status ?? StatusCodes.Status200OK;
        http.Response.ContentType = "text/xml;charset=UTF-8";
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        state.Options.RequestLog?.WriteLine(
            $"{scope?.Service ?? "-"} {parameters["Action"] ?? "-"} {scope?.AccessKeyId ?? "-"} {scope?.Region ?? "-"} -> {http.Response.StatusCode}{(result.Error is { } e ? " " + e.Code : "")}");
        await http.Response.WriteAsync(body, Encoding.UTF8, http.RequestAborted);
    }

    /// <summary>The query string and the form body, merged; null when the body is too large.</summary>
    private static async Task<QueryParameters?> ReadParametersAsync(HttpRequest request, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(values, QueryHelpers.ParseNullableQuery(request.QueryString.Value));

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length > 0)
        {
            Add(values, QueryHelpers.ParseNullableQuery(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
        }

        return values.Count > MaxParameters ? null : new QueryParameters(values);
    }

    private static void Add(Dictionary<string, string> values, Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? parsed)
    {
        foreach (var (key, value) in parsed ?? [])
        {
            values.TryAdd(key, value.FirstOrDefault() ?? "");
        }
    }
}
