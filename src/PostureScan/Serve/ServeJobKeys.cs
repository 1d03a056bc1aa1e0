using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PostureScan.Core.Inventory;
using Quartz;

namespace PostureScan.Serve;

/// <summary>The names of serve's jobs, triggers and job data, in one place so jobs and schedule agree.</summary>
internal static class ServeJobKeys
{
    public const string Group = "posturescan";
    public const string AccountGroup = "posturescan-account";
    public const string AuditGroup = "posturescan-audit";

    /// <summary>
    /// The group of the job per scope that account jobs replaced. Its durable jobs are removed at start-up: a trigger of
    /// it left mid-run could not load its job, and the run's pending scopes are fired again as account jobs instead.
    /// </summary>
    public const string RetiredScopeGroup = "posturescan-scope";

    public const string RunId = "runId";
    public const string Provider = "provider";
    public const string Account = "account";
    public const string Regions = "regions";
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

    /// <summary>
    /// One durable job per provider and account, collecting the account's scopes of a run: Quartz then never runs two
    /// collections of one account, and so of one scope, at once.
    /// </summary>
    public static JobKey AccountJob(string provider, string account) => new(Bounded($"{provider}|{account}"), AccountGroup);

    /// <summary>The job that collects <paramref name="scope"/>: its account's.</summary>
    public static JobKey AccountJob(Scope scope) => AccountJob(scope.Provider, scope.Account);

    /// <summary>
    /// One firing of an account's job for one run; the same key twice means the same work. An account whose scopes
    /// discovery handed over in several parts gets a firing per part, the later ones numbered (<paramref name="part"/>
    /// after the run id: provider names are never numbers, so no account name can make two keys alike).
    /// </summary>
    public static TriggerKey AccountTrigger(string runId, string provider, string account, int part = 0) =>
        new(Bounded(part == 0 ? $"{runId}|{provider}|{account}" : $"{runId}|{part}|{provider}|{account}"), AccountGroup);

    /// <summary>The regions a firing collects, as job data (Quartz's job data holds strings; a region may hold any character).</summary>
    public static string WriteRegions(IEnumerable<Scope> scopes) => JsonSerializer.Serialize(scopes.Select(s => s.Region).ToArray());

    /// <summary>The scopes a firing of an account's job collects, read back from its merged job data.</summary>
    public static IReadOnlyList<Scope> ReadScopes(JobDataMap data)
    {
        var provider = data.GetString(Provider)!;
        var account = data.GetString(Account)!;
        var regions = JsonSerializer.Deserialize<string[]>(data.GetString(Regions) ?? "[]") ?? [];
        return [.. regions.Select(region => new Scope(provider, account, region))];
    }

    public static TriggerKey CommitTrigger(string runId) => new($"commit|{runId}", Group);

    public static JobKey IngestJob(string source) => new(Bounded(source), AuditGroup);

    public static TriggerKey IngestCron(string source) => new(Bounded(source), AuditGroup);

    private static string Bounded(string name) =>
        name.Length <= MaxKeyLength
            ? name
            : string.Concat(name.AsSpan(0, 100), "~", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))).AsSpan(0, 32));
}
