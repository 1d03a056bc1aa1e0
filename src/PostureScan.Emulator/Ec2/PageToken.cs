using System.Globalization;
using System.Text;

namespace PostureScan.Emulator.Ec2;

/// <summary>An opaque nextToken: the offset of the next page, bound to the action that issued it.</summary>
internal static class PageToken
{
    private const int MaxTokenLength = 1024;

    public static string Encode(string action, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"a\":\"{action}\",\"o\":{offset}}}")));

    /// <summary>The offset in the token, or null when the token was not issued for this action.</summary>
    public static int? Decode(string action, string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var prefix = $"{{\"a\":\"{action}\",\"o\":";
        return text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith('}')
            && int.TryParse(text.AsSpan(prefix.Length, text.Length - prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;
    }
}
