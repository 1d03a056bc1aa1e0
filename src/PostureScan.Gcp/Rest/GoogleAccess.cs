using Google.Apis.Auth.OAuth2;

namespace PostureScan.Gcp.Rest;

/// <summary>
/// The scanner's Google identity: a service-account key file, or application default credentials,
/// scoped read-only. Loaded once, on first use; Google.Apis.Auth caches and refreshes the token.
/// </summary>
internal sealed class GoogleAccess(GcpOptions options)
{
    public const string ComputeReadOnly = "https://www.googleapis.com/auth/compute.readonly";
    public const string CloudPlatformReadOnly = "https://www.googleapis.com/auth/cloud-platform.read-only";

    private readonly Lazy<Task<GoogleCredential>> credential = new(() => LoadAsync(options));

    public async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        var google = await credential.Value.WaitAsync(ct);
        return await ((ITokenAccess)google).GetAccessTokenForRequestAsync(authUri: null, ct);
    }

    private static async Task<GoogleCredential> LoadAsync(GcpOptions options)
    {
        try
        {
            return await LoadCoreAsync(options);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            // No application default credentials, an unreadable or malformed key file.
            throw new GcpCredentialException($"cannot load Google credentials: {e.Message}", e);
        }
    }

    private static async Task<GoogleCredential> LoadCoreAsync(GcpOptions options)
    {
        // Only a service-account key is accepted from the file: a credential of another type
        // (an external account with its own token URL) is refused rather than followed.
        var google = options.CredentialFile is { Length: > 0 } path
            ? GoogleCredential.FromServiceAccountCredential(
                await CredentialFactory.FromFileAsync<ServiceAccountCredential>(path, CancellationToken.None))
            : await GoogleCredential.GetApplicationDefaultAsync(CancellationToken.None);

        // Project listing needs a Cloud Platform scope; Compute reads need only compute.readonly.
        string[] scopes = options.Projects.Count > 0 ? [ComputeReadOnly] : [ComputeReadOnly, CloudPlatformReadOnly];
        return google.CreateScoped(scopes);
    }
}
