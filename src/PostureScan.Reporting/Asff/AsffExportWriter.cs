using System.Collections.Frozen;
using System.Text.Json;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Reporting.Json;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Asff;

/// <summary>
/// The findings of AWS scopes in the AWS Security Finding Format, as the body of a Security Hub
/// <c>BatchImportFindings</c> call (<c>{"Findings": [...]}</c>; the API takes 100 per call). Findings of other
/// providers have no AWS account to be filed under and are left out. Field bounds are Security Hub's, and a value
/// cut to fit one keeps its truncation marker inside it (<see cref="SafeText.Within"/>): Security Hub refuses a longer field.
/// </summary>
internal sealed class AsffExportWriter : IReportWriter
{
    public const string SchemaVersion = "2018-10-08";

    private const int IdMax = 512;
    private const int AccountIdMax = 12;
    private const int RegionMax = 16;
    private const int ProductFieldMax = 1024;
    private const int TitleMax = 256;
    private const int DescriptionMax = 1024;
    private const int RecommendationMax = 512;

    private static readonly FrozenDictionary<Severity, string> Labels = new Dictionary<Severity, string>
    {
        [Severity.Info] = "INFORMATIONAL",
        [Severity.Low] = "LOW",
        [Severity.Medium] = "MEDIUM",
        [Severity.High] = "HIGH",
        [Severity.Critical] = "CRITICAL",
    }.ToFrozenDictionary();

    /// <summary>Per status: Workflow.Status, RecordState and Compliance.Status.</summary>
    private static readonly FrozenDictionary<FindingStatus, (string Workflow, string Record, string Compliance)> States =
        new Dictionary<FindingStatus, (string, string, string)>
        {
            [FindingStatus.New] = ("NEW", "ACTIVE", "FAILED"),
            [FindingStatus.Open] = ("NOTIFIED", "ACTIVE", "FAILED"),
            [FindingStatus.Suppressed] = ("SUPPRESSED", "ACTIVE", "FAILED"),
            [FindingStatus.Resolved] = ("RESOLVED", "ARCHIVED", "PASSED"),
            [FindingStatus.Error] = ("NEW", "ACTIVE", "WARNING"),
        }.ToFrozenDictionary();

    /// <summary>EC2 resource types by id prefix, for the resource ARN.</summary>
    private static readonly (string Prefix, string ArnType)[] ResourceTypes =
    [
        ("tms-", "traffic-mirror-session"),
        ("tmt-", "traffic-mirror-target"),
        ("tmf-", "traffic-mirror-filter"),
    ];

    public string Format => "asff";

    public static bool IsExportable(Finding finding) => finding.Scope.Provider == Providers.Aws;

    public async Task WriteAsync(ReportData report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new ReportView(report);
        var updatedAt = report.Evaluation?.EvaluatedAt ?? report.Run.FinishedAt;
        await using var w = new Utf8JsonWriter(output, SafeJson.WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("Findings");
        foreach (var finding in view.Findings.Where(IsExportable))
        {
            WriteFinding(w, view, finding, updatedAt);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(cancellationToken);
    }

    private static void WriteFinding(Utf8JsonWriter w, ReportView view, Finding finding, DateTimeOffset updatedAt)
    {
        var scope = finding.Scope;
        var (workflow, record, compliance) = States[finding.Status];
        var check = view.CheckOf(finding.CheckId);
        w.WriteStartObject();
        w.WriteString("SchemaVersion", SchemaVersion);
        w.WriteString("Id", SafeText.Within($"posturescan/{scope.Region}/{finding.Id}", IdMax));
        w.WriteString("ProductArn", SafeText.Within($"arn:aws:securityhub:{scope.Region}:{scope.Account}:product/{scope.Account}/default", IdMax));
        w.WriteString("GeneratorId", SafeText.Within($"posturescan/{finding.CheckId}", IdMax));
        w.WriteString("AwsAccountId", SafeText.Within(scope.Account, AccountIdMax));
        w.WriteStartArray("Types");
        w.WriteStringValue("TTPs/Exfiltration/T1020.001-Traffic Duplication");
        w.WriteEndArray();
        w.WriteString("CreatedAt", Formats.IsoMillis(finding.FirstSeen));
        w.WriteString("UpdatedAt", Formats.IsoMillis(updatedAt));
        w.WriteString("FirstObservedAt", Formats.IsoMillis(finding.FirstSeen));
        w.WriteString("LastObservedAt", Formats.IsoMillis(finding.LastSeen));
        w.WriteStartObject("Severity");
        w.WriteString("Label", Labels[finding.Severity]);
        w.WriteString("Original", Formats.Severity(finding.Severity));
        w.WriteEndObject();
        w.WriteString("Title", SafeText.Within(finding.Title, TitleMax));
        w.WriteString("Description", SafeText.Within(finding.Message + (finding.Note is { } note ? $" ({note})" : ""), DescriptionMax));
        if (check?.Remediation.GetValueOrDefault(Providers.Aws) is { } remediation)
        {
            w.WriteStartObject("Remediation");
            w.WriteStartObject("Recommendation");
            w.WriteString("Text", SafeText.Within(remediation, RecommendationMax));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteStartObject("ProductFields");
        w.WriteString("posturescan/CheckId", SafeText.Within(finding.CheckId, ProductFieldMax));
        w.WriteString("posturescan/FindingId", SafeText.Within(finding.Id, ProductFieldMax));
        w.WriteString("posturescan/Status", SafeText.Within(Formats.Status(finding.Status), ProductFieldMax));
        w.WriteString("posturescan/RunId", SafeText.Within(view.Run.Id, ProductFieldMax));
        w.WriteEndObject();
        w.WriteStartArray("Resources");
        w.WriteStartObject();
        w.WriteString("Type", "Other");
        w.WriteString("Id", SafeText.Within(Arn(finding), IdMax));
        w.WriteString("Partition", "aws");
        w.WriteString("Region", SafeText.Within(scope.Region, RegionMax));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("Compliance");
        w.WriteString("Status", compliance);
        w.WriteEndObject();
        w.WriteStartObject("Workflow");
        w.WriteString("Status", workflow);
        w.WriteEndObject();
        w.WriteString("RecordState", record);
        w.WriteEndObject();
    }

    private static string Arn(Finding finding)
    {
        var type = ResourceTypes.FirstOrDefault(t => finding.ResourceId.StartsWith(t.Prefix, StringComparison.Ordinal)).ArnType;
        return type is null || finding.ResourceId.StartsWith("arn:", StringComparison.Ordinal)
            ? finding.ResourceId
            : $"arn:aws:ec2:{finding.Scope.Region}:{finding.Scope.Account}:{type}/{finding.ResourceId}";
    }
}
