using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PostureScan.Emulator.Gcp;

/// <summary>An opaque page token: which listing it continues and the offset of the next item.</summary>
internal static class GcpPageToken
{
    public static string Write(string listing, int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{listing}|{offset}")));

    /// <summary>The offset a token continues from, or null when it is not a token of this listing.</summary>
    public static int? Read(string token, string listing)
    {
        if (token.Length > 512)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var bar = text.LastIndexOf('|');
            return bar > 0 && text[..bar] == listing
                && int.TryParse(text[(bar + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
