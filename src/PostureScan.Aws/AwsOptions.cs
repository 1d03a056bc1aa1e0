namespace PostureScan.Aws;

/// <summary>The "Aws" configuration section.</summary>
public sealed class AwsOptions
{
    /// <summary>Accounts to scan. Empty means the account of the base credentials only.</summary>
    public List<AwsAccountOptions> Accounts { get; set; } = [];

    /// <summary>Regions to scan. Empty means every region enabled in each account (DescribeRegions).</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>An endpoint that replaces every AWS endpoint (the emulator, or a proxy); null for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Explicit base credentials. When absent the SDK's default credential chain is used.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    public string? SessionToken { get; set; }

    /// <summary>The region used for account-level calls (STS, DescribeRegions).</summary>
    public string HomeRegion { get; set; } = "us-east-1";

    /// <summary>
    /// AWS requests in flight at once across all scopes (retries included), and accounts discovered at once.
    /// Scan:MaxConcurrency above this keeps every slot busy while some scopes wait out a throttling backoff.
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Retries per call for throttling and transient errors, with the SDK's backoff.</summary>
    public int MaxRetries { get; set; } = 8;

    /// <summary>"standard" or "adaptive" (the SDK's client-side rate limiting).</summary>
    public string RetryMode { get; set; } = "standard";

    /// <summary>MaxResults for the Describe calls (5..1000).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Per-call timeout in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
