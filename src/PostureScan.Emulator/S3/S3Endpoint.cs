using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.S3;

/// <summary>
/// S3 with path-style addressing (<c>/BUCKET</c>, <c>/BUCKET/KEY</c>) for the trail buckets: ListObjectsV2,
/// GetObject and GetBucketLocation. Requests are S3's when their SigV4 credential scope names s3, so this
/// runs as middleware ahead of the other endpoints. Every other request is refused and counted.
/// </summary>
internal static class S3Endpoint
{
    public static void MapS3(this IApplicationBuilder app, EmulatorState state)
    {
        app.Use(async (http, next) =>
        {
            if (SigV4Scope.Parse(http.Request.Headers.Authorization) is { Service: "s3" } scope)
            {
                await HandleAsync(http, scope, state.View.TrailArchive, state);
                return;
            }

            await next(http);
        });
    }

    private static async Task HandleAsync(HttpContext http, SigV4Scope scope, TrailArchive archive, EmulatorState state)
    {
        var requestId = Convert.ToHexString(Guid.NewGuid().ToByteArray())[..16];
        var request = S3Request.From(http.Request);
        var (operation, result) = await new S3Calls(state, archive).RunAsync(request, scope, http.Request.Headers["X-Amz-Security-Token"].FirstOrDefault(), http.RequestAborted);

        var response = http.Response;
        response.Headers["x-amz-request-id"] = requestId;
        state.Options.RequestLog?.WriteLine(
            $"s3 {operation} {scope.AccessKeyId} {scope.Region} {request.Bucket}/{request.Key ?? request.Query("prefix") ?? ""} -> {result.Error?.Status ?? 200}{(result.Error is { } e ? " " + e.Code : "")}");
        if (result.Error is { } error)
        {
            response.StatusCode = error.Status;
            response.ContentType = "application/xml";
            await response.WriteAsync(S3Xml.Error(error, requestId, http.Request.Path), http.RequestAborted);
            return;
        }

        if (result.Object is { } o)
        {
            response.ContentType = "application/octet-stream";
            response.ContentLength = o.Content.Length;
            response.Headers.ETag = o.ETag;
            response.Headers.LastModified = o.LastModified.ToString("R", CultureInfo.InvariantCulture);
            if (!HttpMethods.IsHead(http.Request.Method))
            {
                await response.Body.WriteAsync(o.Content, http.RequestAborted);
            }

            return;
        }

        response.ContentType = "application/xml";
        await response.WriteAsync(result.Xml ?? "", http.RequestAborted);
    }
}
