using System.Collections.Frozen;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;

namespace PostureScan.Reporting.Ocsf;

/// <summary>
/// The OCSF 1.3.0 identifiers the export uses, as data. Class uids are category * 1000 + class;
/// type_uid is class_uid * 100 + activity_id.
/// </summary>
internal static class OcsfSchema
{
    public const string Version = "1.3.0";

    public const int FindingsCategory = 2;
    public const string FindingsCategoryName = "Findings";
    public const int ComplianceFindingClass = 2003;
    public const string ComplianceFindingName = "Compliance Finding";

    public const int DiscoveryCategory = 5;
    public const string DiscoveryCategoryName = "Discovery";
    public const int InventoryInfoClass = 5001;
    public const string InventoryInfoName = "Device Inventory Info";

    /// <summary>Discovery activity 2: the information was collected (by the scan), not read from a log.</summary>
    public const int CollectActivity = 2;

    /// <summary>device.type_id: 6 Virtual (a cloud workload), 99 Other (a network device).</summary>
    public static FrozenDictionary<string, (int Id, string Name)> DeviceTypes { get; } = new Dictionary<string, (int, string)>
    {
        [Providers.Aws] = (6, "Virtual"),
        [Providers.Azure] = (6, "Virtual"),
        [Providers.Gcp] = (6, "Virtual"),
        [Providers.Cisco] = (99, "Network device"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>cloud.provider for the cloud providers; Cisco devices have no cloud object.</summary>
    public static FrozenDictionary<string, string> CloudProviders { get; } = new Dictionary<string, string>
    {
        [Providers.Aws] = "AWS",
        [Providers.Azure] = "Azure",
        [Providers.Gcp] = "GCP",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical.</summary>
    public static FrozenDictionary<Severity, (int Id, string Name)> Severities { get; } = new Dictionary<Severity, (int, string)>
    {
        [Severity.Info] = (1, "Informational"),
        [Severity.Low] = (2, "Low"),
        [Severity.Medium] = (3, "Medium"),
        [Severity.High] = (4, "High"),
        [Severity.Critical] = (5, "Critical"),
    }.ToFrozenDictionary();

    /// <summary>
    /// Per finding status: the finding activity (1 Create, 2 Update, 3 Close), the finding status_id
    /// (1 New, 2 In Progress, 3 Suppressed, 4 Resolved, 99 Other) and the compliance status_id (1 Pass, 2 Warning, 3 Fail).
    /// </summary>
    public static FrozenDictionary<FindingStatus, (int Activity, string ActivityName, int Status, string StatusName, int Compliance, string ComplianceName)> Statuses { get; } =
        new Dictionary<FindingStatus, (int, string, int, string, int, string)>
        {
            [FindingStatus.New] = (1, "Create", 1, "New", 3, "Fail"),
            [FindingStatus.Open] = (2, "Update", 2, "In Progress", 3, "Fail"),
            [FindingStatus.Suppressed] = (2, "Update", 3, "Suppressed", 3, "Fail"),
            [FindingStatus.Resolved] = (3, "Close", 4, "Resolved", 1, "Pass"),
            [FindingStatus.Error] = (2, "Update", 99, "Error", 2, "Warning"),
        }.ToFrozenDictionary();
}
