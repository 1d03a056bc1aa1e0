using Google.Apis.Auth.OAuth2;

namespace PostureScan.Gcp.Rest;

/// <summary>
/// The scanner's Google identity: a service-account key file, or application default credentials,
/// scoped read-only. Loaded once, on first use; Google.Apis.Auth caches and refreshes the token.
/// </summary>
/// <param name="scopes">The OAuth scopes to ask for; null for the inventory's (Compute read-only, and Cloud Platform read-only to list projects).</param>
internal sealed class GoogleAccess(GcpOptions options, IReadOnlyList<string>? scopes = null)
{
    public const string ComputeReadOnly = "https://www.googleapis.com/auth/compute.readonly";
    public const string CloudPlatformReadOnly = "https://www.googleapis.com/auth/cloud-platform.read-only";
    public const string LoggingRead = "https://www.googleapis.com/auth/logging.read";

    private readonly Lazy<Task<GoogleCredential>> credential = new(() => LoadAsync(options, scopes));

    public async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        var google = await credential.Value.WaitAsync(ct);
        return await ((ITokenAccess)google).GetAccessTokenForRequestAsync(authUri: null, ct);
    }

    private static async Task<GoogleCredential> LoadAsync(GcpOptions options, IReadOnlyList<string>? scopes)
    {
        try
        {
            return await LoadCoreAsync(options, scopes);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            // No application default credentials, an unreadable or malformed key file.
            throw new GcpCredentialException($"cannot load Google credentials: {e.Message}", e);
        }
    }

    private static async Task<GoogleCredential> LoadCoreAsync(GcpOptions options, IReadOnlyList<string>? requested)
    {
        // Only a service-account key is accepted from the file: a credential of another type
        // (an external account with its own token URL) is refused rather than followed.
        var google = options.CredentialFile is { Length: > 0 } path
            ? GoogleCredential.FromServiceAccountCredential(
                await CredentialFactory.FromFileAsync<ServiceAccountCredential>(path, CancellationToken.None))
            : await GoogleCredential.GetApplicationDefaultAsync(CancellationToken.None);

        // Project listing needs a Cloud Platform scope; Compute reads need only compute.readonly.
        string[] scopes = requested is not null ? [.. requested] : options.Projects.Count > 0 ? [ComputeReadOnly] : [ComputeReadOnly, CloudPlatformReadOnly];
        return google.CreateScoped(scopes);
    }
}
