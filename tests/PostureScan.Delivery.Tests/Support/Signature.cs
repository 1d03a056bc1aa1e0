using System.Security.Cryptography;
using System.Text;
using PostureScan.TestKit;
using PostureScan.TestKit.Http;

namespace PostureScan.Delivery.Tests.Support;

/// <summary>What a receiver does with <c>X-PostureScan-Signature</c>: recompute the HMAC over the exact body and compare in constant time.</summary>
internal static class Signature
{
    public static bool Verify(RecordedRequest request, string secret)
    {
        if (!request.Headers.TryGetValue("X-PostureScan-Signature", out var header) || !header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.Body);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(header["sha256=".Length..]));
    }
}
