using System.Globalization;
using System.Xml;
using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.S3;

/// <summary>S3's XML bodies: ListBucketResult (ListObjectsV2) and Error, unindented as S3 writes them.</summary>
internal static class S3Xml
{
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static string Error(S3Error error, string requestId, string? resource) => WireXml.Document("", w =>
    {
        w.WriteStartElement("Error");
        w.WriteElementString("Code", error.Code);
        w.WriteElementString("Message", error.Message);
        w.Element("Resource", resource);
        w.WriteElementString("RequestId", requestId);
        w.WriteEndElement();
    });

    public static string Listing(ObjectListing listing, bool urlEncoded) => WireXml.Document("", w =>
    {
        string Encode(string value) => urlEncoded ? Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal) : value;

        w.WriteStartElement("ListBucketResult", Namespace);
        w.WriteElementString("Name", listing.Bucket);
        w.WriteElementString("Prefix", Encode(listing.Prefix));
        w.Element("Delimiter", listing.Delimiter is null ? null : Encode(listing.Delimiter));
        w.Element("KeyCount", listing.Objects.Count + listing.CommonPrefixes.Count);
        w.Element("MaxKeys", listing.MaxKeys);
        if (urlEncoded)
        {
            w.WriteElementString("EncodingType", "url");
        }

        w.Element("IsTruncated", listing.NextToken is not null);
        foreach (var o in listing.Objects)
        {
            w.WriteStartElement("Contents");
            w.WriteElementString("Key", Encode(o.Key));
            w.WriteElementString("LastModified", o.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteElementString("ETag", o.ETag);
            w.Element("Size", o.Content.Length);
            w.WriteElementString("StorageClass", "STANDARD");
            w.WriteEndElement();
        }

        foreach (var prefix in listing.CommonPrefixes)
        {
            w.WriteStartElement("CommonPrefixes");
            w.WriteElementString("Prefix", Encode(prefix));
            w.WriteEndElement();
        }

        w.Element("ContinuationToken", listing.ContinuationToken);
        w.Element("NextContinuationToken", listing.NextToken);
        w.Element("StartAfter", listing.StartAfter is null ? null : Encode(listing.StartAfter));
        w.WriteEndElement();
    });
}
