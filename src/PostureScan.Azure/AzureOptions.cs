namespace PostureScan.Azure;

/// <summary>The "Azure" configuration section.</summary>
public sealed class AzureOptions
{
    /// <summary>Subscription ids to scan. Empty means every subscription the credential can see (GET /subscriptions).</summary>
    public List<string> Subscriptions { get; set; } = [];

    /// <summary>The Entra ID tenant to sign in to; required with <see cref="ClientId"/> and <see cref="ClientSecret"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>An application's client id; with <see cref="ClientSecret"/> it signs in with client credentials.</summary>
    public string? ClientId { get; set; }

    /// <summary>When absent, DefaultAzureCredential is used (environment, workload identity, managed identity, Azure CLI...).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The Resource Manager endpoint; null for the public cloud. Set for sovereign clouds or the emulator.</summary>
    public string? ArmEndpoint { get; set; }

    /// <summary>The token audience of <see cref="ArmEndpoint"/>; null for the public cloud's.</summary>
    public string? ArmAudience { get; set; }

    /// <summary>The Entra ID authority host; null for the public cloud. A host Azure does not know turns instance discovery off.</summary>
    public string? AuthorityHost { get; set; }

    /// <summary>
    /// SHA-256 thumbprint (hex) of the one server certificate to trust, for an emulator's self-signed
    /// certificate. When set, every other certificate is refused; when null, normal validation applies.
    /// </summary>
    public string? TrustedCertificateThumbprint { get; set; }

    /// <summary>The Microsoft.Network api-version of every network call.</summary>
    public string ApiVersion { get; set; } = "2024-05-01";

    /// <summary>Resource GETs in flight at once within one subscription (NICs and load balancers).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Retries per call for throttling (honouring Retry-After) and transient errors.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First retry delay in milliseconds, doubled per retry unless the server's Retry-After says longer.</summary>
    public int RetryDelayMs { get; set; } = 800;

    /// <summary>Per-try network timeout in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Configuration mistakes, as messages; empty when the options can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var clientSecret = !string.IsNullOrEmpty(ClientId) || !string.IsNullOrEmpty(ClientSecret);
        if (clientSecret && (string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret) || string.IsNullOrEmpty(TenantId)))
        {
            problems.Add("ClientId, ClientSecret and TenantId go together");
        }

        foreach (var (name, value) in new[] { ("ArmEndpoint", ArmEndpoint), ("AuthorityHost", AuthorityHost) })
        {
            if (value is { Length: > 0 } && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            {
                problems.Add($"{name} must be an absolute https URL");
            }
        }

        if (TrustedCertificateThumbprint is { Length: > 0 } pin && !(pin.Length == 64 && pin.All(Uri.IsHexDigit)))
        {
            problems.Add("TrustedCertificateThumbprint must be a SHA-256 thumbprint: 64 hex digits");
        }

        if (MaxConcurrency < 1 || MaxRetries < 0 || RetryDelayMs < 0 || TimeoutSeconds < 1)
        {
            problems.Add("MaxConcurrency and TimeoutSeconds must be positive, MaxRetries and RetryDelayMs not negative");
        }

        return problems;
    }
}
