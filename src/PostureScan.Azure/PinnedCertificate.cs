using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PostureScan.Azure;

/// <summary>
/// The TLS handler of every Azure call. With a pinned thumbprint it accepts exactly that one
/// certificate (an emulator's self-signed one) and refuses all others; without one, the platform's
/// normal validation applies unchanged.
/// </summary>
internal static class PinnedCertificate
{
    public static SocketsHttpHandler Handler(string? sha256Thumbprint)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (sha256Thumbprint is { Length: > 0 } pin)
        {
            var expected = Convert.FromHexString(pin);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => Matches(certificate, expected);
        }

        return handler;
    }

    public static bool Matches(X509Certificate? certificate, byte[] expected) =>
        certificate is not null
        && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), expected);
}
