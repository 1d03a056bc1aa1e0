using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// The signed JWT a service account sends to the token endpoint (RFC 7523 JWT-bearer grant):
/// header.claims.signature, base64url, RS256. Read with bounds; nothing in it is trusted unchecked.
/// </summary>
internal sealed record ServiceAccountAssertion(string Issuer, string? Audience, string Scope, long IssuedAt, long Expires, string SignedPart, byte[] Signature)
{
    private const int MaxLength = 16 * 1024;

    public static ServiceAccountAssertion? Parse(string? jwt)
    {
        if (jwt is null || jwt.Length > MaxLength)
        {
            return null;
        }

        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (header.RootElement.GetProperty("alg").GetString() != "RS256")
            {
                return null;
            }

            var c = claims.RootElement;
            return new ServiceAccountAssertion(
                c.GetProperty("iss").GetString() ?? "",
                c.TryGetProperty("aud", out var aud) ? aud.GetString() : null,
                c.TryGetProperty("scope", out var scope) ? scope.GetString() ?? "" : "",
                c.GetProperty("iat").GetInt64(),
                c.GetProperty("exp").GetInt64(),
                parts[0] + "." + parts[1],
                Base64Url.DecodeFromChars(parts[2]));
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public bool IsSignedBy(string publicKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return rsa.VerifyData(Encoding.ASCII.GetBytes(SignedPart), Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
