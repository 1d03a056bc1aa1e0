using System.Text.RegularExpressions;

namespace PostureScan.Emulator.Worlds;

/// <summary>The checks of the audit section: scopes that exist, bucket names S3 would accept, events with a name and a time.</summary>
internal sealed partial class WorldValidator
{
    private void ValidateAudit(World world)
    {
        var audit = world.Audit;
        var regions = world.Aws.Accounts
            .SelectMany(a => a.Regions.Select(r => (a.Id, r.Name)))
            .ToHashSet();
        var logs = new HashSet<(string, string)>();
        foreach (var log in audit.CloudTrail)
        {
            Require(log, regions.Contains((log.Account, log.Region)), $"cloudTrail names account '{log.Account}' region '{log.Region}', which is not in aws.accounts");
            Require(log, logs.Add((log.Account, log.Region)), $"cloudTrail of account '{log.Account}' region '{log.Region}' is listed twice");
            ValidateFaults(log.Faults);
            ValidateRecords(log.Events);
        }

        var accounts = world.Aws.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        Unique(audit.TrailBuckets, b => b.Name, "trail bucket");
        foreach (var bucket in audit.TrailBuckets)
        {
            Require(bucket, BucketName().IsMatch(bucket.Name), $"bucket name '{bucket.Name}' is not a valid S3 bucket name");
            Require(bucket, bucket.Prefix is null || (bucket.Prefix.Length > 0 && !bucket.Prefix.StartsWith('/') && !bucket.Prefix.EndsWith('/')),
                "a bucket prefix must not be empty nor start or end with '/'");
            Require(bucket, bucket.OrganizationId is null || OrganizationId().IsMatch(bucket.OrganizationId),
                $"organizationId '{bucket.OrganizationId}' must look like o-abcd123456");
            foreach (var account in bucket.Accounts)
            {
                Require(bucket, accounts.Contains(account), $"trail bucket '{bucket.Name}' names account '{account}', which is not in aws.accounts");
            }

            ValidateFaults(bucket.Faults);
        }

        var subscriptions = world.Azure.Subscriptions.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Unique(audit.ActivityLogs, l => l.Subscription.ToLowerInvariant(), "activity log of subscription");
        foreach (var log in audit.ActivityLogs)
        {
            Require(log, subscriptions.Contains(log.Subscription), $"activityLogs names subscription '{log.Subscription}', which is not in azure.subscriptions");
            ValidateRecords(log.Events);
        }

        var projects = world.Gcp.Projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Unique(audit.CloudLogging, l => l.Project, "cloud logging of project");
        foreach (var log in audit.CloudLogging)
        {
            Require(log, projects.Contains(log.Project), $"cloudLogging names project '{log.Project}', which is not in gcp.projects");
            ValidateRecords(log.Events);
        }
    }

    private void ValidateRecords(IReadOnlyList<AuditRecord> records)
    {
        foreach (var record in records)
        {
            Require(record, record.Name.Length > 0 || record.Raw is not null, "an audit event needs a name");
            Require(record, record.Time != default, $"audit event '{record.Name}' needs a time");
            Require(record, record.DelaySeconds is null or (>= 0 and <= 86_400), $"audit event '{record.Name}': delaySeconds must be between 0 and 86400");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    private static partial Regex OrganizationId();
}
