namespace PostureScan.Aws;

/// <summary>One account to scan, reached through the base credentials or an assumed role.</summary>
public sealed class AwsAccountOptions
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>The read-only role to assume in this account; null to use the base credentials as they are.</summary>
    public string? RoleArn { get; set; }

    public string? ExternalId { get; set; }

    public string RoleSessionName { get; set; } = "posturescan";
}
