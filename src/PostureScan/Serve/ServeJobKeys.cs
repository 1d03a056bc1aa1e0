using System.Security.Cryptography;
using System.Text;
using PostureScan.Core.Inventory;
using Quartz;

namespace PostureScan.Serve;

/// <summary>The names of serve's jobs, triggers and job data, in one place so jobs and schedule agree.</summary>
internal static class ServeJobKeys
{
    public const string Group = "posturescan";
    public const string ScopeGroup = "posturescan-scope";
    public const string AuditGroup = "posturescan-audit";

    public const string RunId = "runId";
    public const string Provider = "provider";
    public const string Account = "account";
    public const string Region = "region";
    public const string Source = "source";
    public const string ReportKind = "reportKind";

    public const string ScanReport = "scan";
    public const string NightlyReport = "nightly";

    // Quartz keys are stored in 200-character columns; scope names come from clouds and device files.
    private const int MaxKeyLength = 150;

    public static readonly JobKey Scan = new("scan", Group);
    public static readonly JobKey Commit = new("commit", Group);
    public static readonly JobKey Report = new("report", Group);

    public static readonly TriggerKey ScanCron = new("scan-cron", Group);
    public static readonly TriggerKey NightlyReportCron = new("nightly-report-cron", Group);

    /// <summary>One durable job per scope: Quartz then never runs two collections of one scope at once.</summary>
    public static JobKey ScopeJob(Scope scope) => new(Bounded(scope.Key), ScopeGroup);

    /// <summary>One firing of a scope's job for one run; the same key twice means the same work.</summary>
    public static TriggerKey ScopeTrigger(string runId, Scope scope) => new(Bounded($"{runId}|{scope.Key}"), ScopeGroup);

    public static TriggerKey CommitTrigger(string runId) => new($"commit|{runId}", Group);

    public static JobKey IngestJob(string source) => new(Bounded(source), AuditGroup);

    public static TriggerKey IngestCron(string source) => new(Bounded(source), AuditGroup);

    private static string Bounded(string name) =>
        name.Length <= MaxKeyLength
            ? name
            : string.Concat(name.AsSpan(0, 100), "~", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))).AsSpan(0, 32));
}
