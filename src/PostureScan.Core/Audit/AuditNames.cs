namespace PostureScan.Core.Audit;

/// <summary>The spellings of platforms, actions and outcomes in every output (jsonl, csv, table).</summary>
public static class AuditNames
{
    private static readonly Dictionary<AuditPlatform, string> Platforms = new()
    {
        [AuditPlatform.Aws] = "AWS",
        [AuditPlatform.Azure] = "Azure",
        [AuditPlatform.Gcp] = "GCP",
        [AuditPlatform.Cisco] = "Cisco",
    };

    private static readonly Dictionary<AuditAction, string> Actions = new()
    {
        [AuditAction.Create] = "create",
        [AuditAction.Modify] = "modify",
        [AuditAction.Delete] = "delete",
        [AuditAction.Read] = "read",
        [AuditAction.Other] = "other",
    };

    private static readonly Dictionary<AuditOutcome, string> Outcomes = new()
    {
        [AuditOutcome.Success] = "success",
        [AuditOutcome.Failure] = "failure",
    };

    public static string Of(AuditPlatform platform) => Platforms[platform];

    public static string Of(AuditAction action) => Actions[action];

    public static string Of(AuditOutcome outcome) => Outcomes[outcome];

    /// <summary>ISO 8601 in UTC, with the fraction of a second only where the log had one.</summary>
    public static string Of(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
