using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace PostureScan.Emulator.Tests;

/// <summary>Plain HTTPS calls to the emulator's Resource Manager, trusting exactly the host's certificate.</summary>
internal sealed class ArmClient : IDisposable
{
    private readonly HttpClient _http;

    public ArmClient(EmulatorHost host)
    {
        var pinned = host.Certificate.GetCertHash(HashAlgorithmName.SHA256);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(pinned);
        _http = new HttpClient(handler) { BaseAddress = host.HttpsEndpoint };
    }

    public async Task<string> TokenAsync(string tenant, string clientId, string secret)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "https://management.azure.com/.default",
        });
        using var response = await _http.PostAsync(new Uri($"{tenant}/oauth2/v2.0/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, path.StartsWith("https:", StringComparison.Ordinal) ? UriKind.Absolute : UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return ((int)response.StatusCode, document.RootElement.Clone(), response);
    }

    public void Dispose() => _http.Dispose();
}
