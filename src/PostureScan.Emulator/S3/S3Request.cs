using Microsoft.AspNetCore.Http;

namespace PostureScan.Emulator.S3;

/// <summary>A path-style S3 request: the method, the bucket, the key (null for a bucket request) and the query.</summary>
internal sealed record S3Request(string Method, string Bucket, string? Key, IQueryCollection Parameters)
{
    public static S3Request From(HttpRequest request)
    {
        var path = (request.Path.Value ?? "/").TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? path : path[..slash];
        var key = slash < 0 || slash == path.Length - 1 ? null : path[(slash + 1)..];
        return new S3Request(request.Method, bucket, key, request.Query);
    }

    public string? Query(string name) => Parameters.TryGetValue(name, out var value) ? value.FirstOrDefault() ?? "" : null;

    public bool Has(string name) => Parameters.ContainsKey(name);
}
