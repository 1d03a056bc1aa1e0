namespace PostureScan.Gcp;

/// <summary>The "Gcp" configuration section.</summary>
public sealed class GcpOptions
{
    /// <summary>Project ids to scan. Empty means every active project the credential can see (Cloud Resource Manager).</summary>
    public List<string> Projects { get; set; } = [];

    /// <summary>A service-account key file (JSON). When absent, application default credentials are used.</summary>
    public string? CredentialFile { get; set; }

    /// <summary>Base address of the Compute Engine v1 REST API; override it for the emulator or a proxy.</summary>
    public string ComputeEndpoint { get; set; } = "https://compute.googleapis.com/compute/v1/";

    /// <summary>Base address of the Cloud Resource Manager API (project listing).</summary>
    public string ResourceManagerEndpoint { get; set; } = "https://cloudresourcemanager.googleapis.com/";

    /// <summary>How many projects are listed at once, and the most requests in flight at any time.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>maxResults of the aggregated list (1..500) and pageSize of the project list.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Retries per call for 429 and 5xx answers, with exponential backoff or the server's Retry-After.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>First backoff delay in milliseconds; it doubles with each retry (with jitter).</summary>
    public int RetryBaseDelayMs { get; set; } = 500;

    /// <summary>Per-request timeout in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
