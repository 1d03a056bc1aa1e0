using System.Text;

namespace PostureScan.Emulator.S3;

/// <summary>
/// One ListObjectsV2 page: keys after the start (StartAfter or the continuation token) under the prefix,
/// keys past the delimiter rolled up into common prefixes, at most MaxKeys entries.
/// </summary>
internal sealed record ObjectListing(
    string Bucket,
    string Prefix,
    string? Delimiter,
    int MaxKeys,
    string? ContinuationToken,
    string? StartAfter,
    IReadOnlyList<ArchivedObject> Objects,
    IReadOnlyList<string> CommonPrefixes,
    string? NextToken)
{
    public static ObjectListing List(
        string bucket, IReadOnlyList<ArchivedObject> all, string prefix, string? delimiter, int maxKeys, string? continuation, string? startAfter)
    {
        var after = (continuation is null ? null : Decode(continuation)) ?? startAfter ?? "";
        var objects = new List<ArchivedObject>();
        var prefixes = new List<string>();
        string? last = null;
        foreach (var o in all.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(o.Key, after) > 0))
        {
            var rolled = Rollup(o.Key, prefix, delimiter);
            if (rolled is not null && prefixes.Count > 0 && prefixes[^1] == rolled)
            {
                continue;
            }

            if (objects.Count + prefixes.Count == maxKeys)
            {
                return new(bucket, prefix, delimiter, maxKeys, continuation, startAfter, objects, prefixes, Encode(last!));
            }

            if (rolled is null)
            {
                objects.Add(o);
                last = o.Key;
            }
            else
            {
                prefixes.Add(rolled);
                // Past every key under the common prefix: its last possible key sorts before prefix + U+FFFF.
                last = rolled + '\uffff';
            }
        }

        return new(bucket, prefix, delimiter, maxKeys, continuation, startAfter, objects, prefixes, null);
    }

    /// <summary>A token that does not decode is treated as the start: S3 would answer InvalidArgument, checked by the caller.</summary>
    public static bool IsValidToken(string token) => Decode(token) is not null;

    private static string? Rollup(string key, string prefix, string? delimiter)
    {
        if (string.IsNullOrEmpty(delimiter))
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }

    private static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("k:" + key));

    private static string? Decode(string token)
    {
        if (token.Length > 2048)
        {
            return null;
        }

        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        return text.StartsWith("k:", StringComparison.Ordinal) ? text[2..] : null;
    }
}
