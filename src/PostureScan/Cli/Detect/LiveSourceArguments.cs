using System.CommandLine;

namespace PostureScan.Cli.Detect;

/// <summary>The options of <c>detect --source</c>, added to the command and read back from a parse.</summary>
internal sealed class LiveSourceArguments
{
    private readonly Option<string?> _source = new("--source")
    {
        Description = "Read a live audit log instead of files: aws-lookup (CloudTrail LookupEvents), aws-s3 (a trail's S3 bucket), azure-activity (Activity Log), gcp-logging (Cloud Audit Logs)",
    };

    private readonly Option<FileInfo?> _config = CommonOptions.Config(required: false);
    private readonly Option<string[]> _accounts = Many("--account", "AWS account id (repeatable); default the configured accounts, or the credentials' own");
    private readonly Option<string[]> _regions = Many("--region", "AWS region (repeatable); default every configured or enabled region");
    private readonly Option<string[]> _subscriptions = Many("--subscription", "Azure subscription id (repeatable); default the configured or visible ones");
    private readonly Option<string[]> _projects = Many("--project", "GCP project id (repeatable); default the configured or visible ones");
    private readonly Option<string?> _bucket = new("--bucket") { Description = "aws-s3: the bucket the trail delivers to" };
    private readonly Option<string?> _prefix = new("--prefix") { Description = "aws-s3: the trail's key prefix" };
    private readonly Option<string?> _organization = new("--org-id") { Description = "aws-s3: the organization id (o-...) of an organization trail" };

    public LiveSourceArguments()
    {
        _source.AcceptOnlyFromAmong([.. LiveSourceOptions.Types]);
    }

    public IEnumerable<Option> All => [_source, _config, _accounts, _regions, _subscriptions, _projects, _bucket, _prefix, _organization];

    /// <summary>The live source asked for, or null for a detection over files.</summary>
    /// <summary>--config, which file mode reads too (for the Cisco section's device names).</summary>
    public FileInfo? Config(ParseResult parse) => parse.GetValue(_config);

    public LiveSourceOptions? Read(ParseResult parse) => parse.GetValue(_source) is not { } source
        ? null
        : new LiveSourceOptions(
            source,
            parse.GetValue(_config),
            parse.GetValue(_accounts) ?? [],
            parse.GetValue(_regions) ?? [],
            parse.GetValue(_subscriptions) ?? [],
            parse.GetValue(_projects) ?? [],
            parse.GetValue(_bucket),
            parse.GetValue(_prefix),
            parse.GetValue(_organization));

    private static Option<string[]> Many(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
    };
}
