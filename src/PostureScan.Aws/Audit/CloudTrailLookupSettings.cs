namespace PostureScan.Aws.Audit;

/// <summary>
/// An audit source of type <c>aws-lookup</c>: CloudTrail's event history through LookupEvents, for each
/// account and region. Connection and credentials come from the "Aws" section.
/// </summary>
public sealed class CloudTrailLookupSettings
{
    public string Name { get; set; } = CloudTrailLookupSource.TypeName;

    public string Type { get; set; } = CloudTrailLookupSource.TypeName;

    /// <summary>
    /// "EventSource": one lookup per scope for every ec2.amazonaws.com event, matched here (default; finds
    /// what the patterns find, renamed operations included). "EventName": one lookup per known mirror operation.
    /// </summary>
    public string LookupBy { get; set; } = "EventSource";

    /// <summary>Requests per second per account and region; CloudTrail allows two.</summary>
    public double RequestsPerSecond { get; set; } = 2;

    /// <summary>MaxResults per page (1..50).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>The first wait after a throttled or failed call; later waits grow exponentially, with jitter.</summary>
    public int RetryBaseDelayMs { get; set; } = 1000;
}
