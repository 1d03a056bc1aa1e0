using System.Security.Cryptography;
using System.Text;

namespace PostureScan.Emulator.Arm;

/// <summary>How ARM spells resource ids, and stable GUIDs derived from them (etags, resourceGuid).</summary>
internal static class ArmIds
{
    public const string NetworkNamespace = "Microsoft.Network";

    public static string Subscription(string subscription) => $"/subscriptions/{subscription}";

    public static string Network(string subscription, string resourceGroup, string type, string name) =>
        $"/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/{NetworkNamespace}/{type}/{name}";

    /// <summary>The id of the resource an id belongs to: a child id without its last two segments.</summary>
    public static string Parent(string id)
    {
        var end = id.Length;
        for (var i = 0; i < 2 && end > 0; i++)
        {
            end = id.LastIndexOf('/', end - 1);
        }

        return end > 0 ? id[..end] : id;
    }

    /// <summary>A GUID that is a pure function of the text, so a resource keeps its etag across runs.</summary>
    public static Guid StableGuid(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToUpperInvariant()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    public static string Etag(string id) => $"W/\"{StableGuid("etag:" + id)}\"";
}
