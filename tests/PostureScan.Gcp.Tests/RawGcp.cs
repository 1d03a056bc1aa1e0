using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PostureScan.Emulator;
using PostureScan.Emulator.Gcp;

namespace PostureScan.Gcp.Tests;

/// <summary>Plain HTTP against the emulator's GCP endpoints, for wire-level checks.</summary>
internal static class RawGcp
{
    public const string ComputeReadOnly = "https://www.googleapis.com/auth/compute.readonly";

    /// <summary>A JWT-bearer grant signed with <paramref name="key"/>, as Google's libraries send it.</summary>
    public static string Assertion(GcpServiceAccountKey key, Uri audience, string scope, DateTimeOffset now)
    {
        var header = Encode(new { alg = "RS256", typ = "JWT", kid = key.KeyId });
        var claims = Encode(new { iss = key.Email, scope, aud = audience.ToString(), iat = now.ToUnixTimeSeconds(), exp = now.AddMinutes(60).ToUnixTimeSeconds() });
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.PrivateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(header + "." + claims), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{claims}.{Base64Url.EncodeToString(signature)}";
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, EmulatorHost host, string grantType, string assertion) =>
        await http.PostAsync(
            GcpServiceAccountKey.TokenUri(host.Endpoint),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grantType, ["assertion"] = assertion }));

    public static async Task<string> TokenAsync(HttpClient http, EmulatorHost host, GcpServiceAccountKey key, string scope = ComputeReadOnly)
    {
        var tokenUri = GcpServiceAccountKey.TokenUri(host.Endpoint);
        using var response = await RequestTokenAsync(http, host, "urn:ietf:params:oauth:grant-type:jwt-bearer", Assertion(key, tokenUri, scope, TimeProvider.System.GetUtcNow()));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        HttpClient http, HttpMethod method, Uri url, string? token)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return ((int)response.StatusCode, document.RootElement.Clone(), response);
    }

    private static string Encode(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
