namespace PostureScan.Cli.Detect;

/// <summary>
/// <c>detect --source TYPE</c> and its scope options: which live audit log to read (one of the audit source
/// types), the configuration whose provider sections give endpoints and credentials, and what to read.
/// </summary>
internal sealed record LiveSourceOptions(
    string Source,
    FileInfo? Config,
    IReadOnlyList<string> Accounts,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Subscriptions,
    IReadOnlyList<string> Projects,
    string? Bucket,
    string? Prefix,
    string? OrganizationId)
{
    /// <summary>The types <c>--source</c> accepts: the live audit source types.</summary>
    public static IReadOnlyList<string> Types { get; } = ["aws-lookup", "aws-s3", "azure-activity", "gcp-logging"];
}
