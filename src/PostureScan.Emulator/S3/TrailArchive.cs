using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PostureScan.Emulator.CloudTrail;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.S3;

/// <summary>
/// The log files of each trail bucket, made once from the world's CloudTrail events: one gzip
/// <c>{"Records":[...]}</c> per account, region and five minutes, named and filed as CloudTrail names them.
/// CloudTrail delivers about every five minutes, and a file is named and filed by when it was delivered, which
/// here is five minutes after the end of its window: the events of 23:50 and later land in the next day's folder.
/// </summary>
internal sealed class TrailArchive
{
    private readonly Dictionary<string, (TrailBucket Bucket, IReadOnlyList<ArchivedObject> Objects)> _buckets = new(StringComparer.Ordinal);

    public TrailArchive(AuditWorld audit, CloudTrailIndex index)
    {
        foreach (var bucket in audit.TrailBuckets)
        {
            var objects = bucket.Accounts
                .SelectMany(account => index.Regions(account).SelectMany(r => Files(bucket, account, r.Region, r.Events)))
                .OrderBy(o => o.Key, StringComparer.Ordinal)
                .ToList();
            _buckets[bucket.Name] = (bucket, objects);
        }
    }

    public TrailBucket? Bucket(string name) => _buckets.TryGetValue(name, out var entry) ? entry.Bucket : null;

    /// <summary>The bucket's objects in key order (S3 lists in UTF-8 binary order; keys here are ASCII).</summary>
    public IReadOnlyList<ArchivedObject> Objects(string bucket) => _buckets.TryGetValue(bucket, out var entry) ? entry.Objects : [];

    private static IEnumerable<ArchivedObject> Files(TrailBucket bucket, string account, string region, IReadOnlyList<TrailEvent> events)
    {
        var root = (bucket.Prefix is null ? "" : bucket.Prefix + "/") + "AWSLogs/"
            + (bucket.OrganizationId is null ? "" : bucket.OrganizationId + "/") + $"{account}/CloudTrail/{region}/";
        foreach (var window in events.GroupBy(e => WindowOf(e.Time)))
        {
            var written = window.Key + Window + Window;
            var records = window.OrderBy(e => e.Time).Select(e => e.Json).ToList();
            var content = Gzip("{\"Records\":[" + string.Join(',', records) + "]}");
            var stamp = written.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
            var id = Convert.ToHexString(SHA256.HashData(content))[..16];
            var day = written.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
            var key = $"{root}{day}/{account}_CloudTrail_{region}_{stamp}_{id}.json.gz";
            yield return new ArchivedObject(key, content, written, ETagOf(content));
        }
    }

    /// <summary>S3's ETag of a single-part upload is the content's MD5, and the SDK checks a download against it.</summary>
#pragma warning disable CA5351 // MD5 is the wire format's checksum here, not a security control.
    private static string ETagOf(byte[] content) => "\"" + Convert.ToHexStringLower(MD5.HashData(content)) + "\"";
#pragma warning restore CA5351

    /// <summary>The events a file holds, and the wait after them until it is delivered.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static DateTimeOffset WindowOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute - (utc.Minute % 5), 0, TimeSpan.Zero);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
