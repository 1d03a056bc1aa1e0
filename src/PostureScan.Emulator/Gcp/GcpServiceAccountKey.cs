using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// A freshly generated service-account key, for pointing Google's own auth library at the emulator:
/// put <see cref="PublicKeyPem"/> in the world's service account, and give the scanner the key file
/// from <see cref="ToKeyFileJson"/>, whose token_uri names the emulator's token endpoint
/// (<see cref="TokenUri"/>).
/// </summary>
public sealed class GcpServiceAccountKey
{
    private GcpServiceAccountKey(string email, string projectId, string keyId, string privateKeyPem, string publicKeyPem)
    {
        Email = email;
        ProjectId = projectId;
        KeyId = keyId;
        PrivateKeyPem = privateKeyPem;
        PublicKeyPem = publicKeyPem;
    }

    public string Email { get; }

    public string ProjectId { get; }

    public string KeyId { get; }

    /// <summary>PKCS#8, as Google's key files carry it.</summary>
    public string PrivateKeyPem { get; }

    public string PublicKeyPem { get; }

    /// <summary>The emulator's token endpoint, for the key file's token_uri.</summary>
    public static Uri TokenUri(Uri emulatorEndpoint) => new(emulatorEndpoint, "/token");

    /// <summary>Generates a 2048-bit RSA key for <paramref name="email"/>.</summary>
    public static GcpServiceAccountKey Generate(string email, string projectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        using var rsa = RSA.Create(2048);
        return new GcpServiceAccountKey(
            email,
            projectId,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            rsa.ExportPkcs8PrivateKeyPem(),
            rsa.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>The key file, in the layout Google's console downloads, with token_uri set to <paramref name="tokenUri"/>.</summary>
    public string ToKeyFileJson(Uri tokenUri)
    {
        ArgumentNullException.ThrowIfNull(tokenUri);
        var json = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = ProjectId,
            ["private_key_id"] = KeyId,
            ["private_key"] = PrivateKeyPem.ReplaceLineEndings("\n") + "\n",
            ["client_email"] = Email,
            ["client_id"] = GcpIds.For(Email),
            ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
            ["token_uri"] = tokenUri.ToString(),
            ["auth_provider_x509_cert_url"] = "https://www.googleapis.com/oauth2/v1/certs",
            ["client_x509_cert_url"] = "https://www.googleapis.com/robot/v1/metadata/x509/" + Uri.EscapeDataString(Email),
            ["universe_domain"] = "googleapis.com",
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
