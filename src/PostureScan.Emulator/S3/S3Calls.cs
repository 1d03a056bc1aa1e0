using System.Globalization;
using Microsoft.AspNetCore.Http;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.S3;

/// <summary>
/// The steps of an S3 call: name the operation and refuse what is not served, authenticate, find the
/// bucket, inject its faults, apply its policy's denied prefixes, answer.
/// </summary>
internal sealed class S3Calls(EmulatorState state, TrailArchive archive)
{
    private const int MaxKeysLimit = 1000;

    /// <summary>Names of refused writes by method and whether a key was given.</summary>
    private static readonly Dictionary<(string Method, bool Key), string> Writes = new()
    {
        [("PUT", true)] = "PutObject",
        [("PUT", false)] = "PutBucket",
        [("DELETE", true)] = "DeleteObject",
        [("DELETE", false)] = "DeleteBucket",
        [("POST", true)] = "PostObject",
        [("POST", false)] = "DeleteObjects",
    };

    public async Task<(string Operation, S3Result Result)> RunAsync(S3Request request, SigV4Scope scope, string? sessionToken, CancellationToken ct)
    {
        var counters = state.Counters;
        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var operation = read ? ReadOperation(request) : Writes.GetValueOrDefault((request.Method.ToUpperInvariant(), request.Key is not null), "Write");
        if (operation is not ("ListObjectsV2" or "GetObject" or "HeadObject" or "GetBucketLocation"))
        {
            counters.RecordRejected(operation, !read);
            return (operation, read ? S3Error.NotImplemented : S3Error.WriteRejected);
        }

        counters.RecordCall(operation);
        if (state.AwsCredentials.Resolve(scope.AccessKeyId, sessionToken) is null)
        {
            return (operation, S3Error.InvalidAccessKeyId);
        }

        if (archive.Bucket(request.Bucket) is not { } bucket)
        {
            return (operation, S3Error.NoSuchBucket);
        }

        var prefix = request.Query("prefix") ?? "";
        if (operation == "ListObjectsV2")
        {
            counters.RecordListing(bucket.Name, prefix);
        }

        var outcome = await state.Faults.ApplyAsync(bucket.Faults, "s3/" + bucket.Name, ct);
        if (outcome == FaultOutcome.Throttled)
        {
            counters.RecordThrottled(bucket.Name, "s3");
        }

        if (FaultError(outcome) is { } fault)
        {
            return (operation, fault);
        }

        var path = operation == "ListObjectsV2" ? prefix : request.Key ?? "";
        if (bucket.DeniedPrefixes.Any(d => path.StartsWith(d, StringComparison.Ordinal)))
        {
            return (operation, S3Error.AccessDenied);
        }

        return (operation, operation switch
        {
            "ListObjectsV2" => List(request, bucket, prefix),
            "GetBucketLocation" => new S3Result(WireLocation(), null, null),
            _ => archive.Objects(bucket.Name).FirstOrDefault(o => o.Key == request.Key) is { } found
                ? new S3Result(null, found, null)
                : S3Error.NoSuchKey,
        });
    }

    private static string ReadOperation(S3Request request) => request switch
    {
        { Key: not null } when HttpMethods.IsHead(request.Method) => "HeadObject",
        { Key: not null } => "GetObject",
        _ when request.Has("location") => "GetBucketLocation",
        _ when request.Query("list-type") == "2" => "ListObjectsV2",
        _ => "ListObjects",
    };

    private S3Result List(S3Request request, TrailBucket bucket, string prefix)
    {
        var maxKeys = MaxKeysLimit;
        if (request.Query("max-keys") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys) || maxKeys < 0))
        {
            return S3Error.InvalidArgument;
        }

        var token = request.Query("continuation-token");
        if (token is not null && !ObjectListing.IsValidToken(token))
        {
            return new S3Error(400, "InvalidArgument", "The continuation token provided is incorrect");
        }

        var listing = ObjectListing.List(
            bucket.Name, archive.Objects(bucket.Name), prefix, request.Query("delimiter"), Math.Min(maxKeys, MaxKeysLimit), token, request.Query("start-after"));
        return new S3Result(S3Xml.Listing(listing, request.Query("encoding-type") == "url"), null, null);
    }

    private static string WireLocation() => WireXml.Document("", w =>
    {
        w.WriteStartElement("LocationConstraint", S3Xml.Namespace);
        w.WriteEndElement();
    });

    private static S3Error? FaultError(FaultOutcome outcome) => outcome switch
    {
        FaultOutcome.Throttled => S3Error.SlowDown,
        FaultOutcome.AccessDenied => S3Error.AccessDenied,
        FaultOutcome.InternalError => S3Error.InternalError,
        FaultOutcome.Unavailable => S3Error.ServiceUnavailable,
        _ => null,
    };
}
