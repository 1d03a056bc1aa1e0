using System.Globalization;
using PostureScan.Core.Drift;
using PostureScan.Core.Findings;

namespace PostureScan.Reporting.Csv;

/// <summary>
/// The CSV export's columns, in their documented, stable order (README, "Reports and exports"). New columns
/// are only ever appended, so scripts that read columns by position keep working.
/// </summary>
internal static class CsvColumns
{
    public static IReadOnlyList<CsvColumn> All { get; } =
    [
        new("run_id", r => r.RunId),
        new("provider", r => r.Session.Scope.Provider),
        new("account", r => r.Session.Scope.Account),
        new("region", r => r.Session.Scope.Region),
        new("mirror_id", r => r.Session.Id),
        new("name", r => r.Session.Name),
        new("description", r => r.Session.Description),
        new("enabled", r => Bool(r.Session.Enabled)),
        new("direction", r => ReportView.Name(r.Session.Direction)),
        new("packet_length", r => r.Session.PacketLength?.ToString(CultureInfo.InvariantCulture)),
        new("sources", r => string.Join(' ', r.Session.Sources.Select(s => s.Id))),
        new("source_addresses", r => string.Join(' ', r.Session.Sources.SelectMany(s => s.Addresses).Distinct(StringComparer.Ordinal))),
        new("target_id", r => r.Session.TargetId),
        new("target_kind", r => r.Session.Target is { } t ? ReportView.Name(t.Kind) : null),
        new("target_resource_id", r => r.Session.Target?.ResourceId),
        new("target_address", r => r.Session.Target?.Address),
        new("target_dns", r => r.Session.Target?.DnsName),
        new("target_owner", r => r.Session.Target?.OwnerAccount),
        new("target_internet_facing", r => r.Session.Target?.InternetFacing is { } b ? Bool(b) : null),
        new("target_foreign_account", r => Bool(r.Session.TargetInForeignAccount)),
        new("filter_id", r => r.Session.FilterId),
        new("accepts_everything", r => Bool(r.Session.AcceptsEverything)),
        new("filter", r => DriftText.FilterShown(r.Session)),
        new("virtual_network_id", r => r.Session.VirtualNetworkId?.ToString(CultureInfo.InvariantCulture)),
        new("priority", r => r.Session.Priority?.ToString(CultureInfo.InvariantCulture)),
        new("tags", r => string.Join("; ", r.Session.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))),
        new("attribution_state", r => r.Attribution is { } a ? Core.Attribution.AttributionStateNames.Of(a.State) : null),
        new("created_by", r => r.Attribution?.Actor),
        new("created_from", r => r.Attribution?.SourceIp),
        new("created_at", r => r.Attribution?.CreatedAt is { } t ? Formats.Iso(t) : null),
        new("last_changed_by", r => r.Attribution?.Changes.Count > 0 ? r.Attribution.Changes[^1].Actor : null),
        new("last_changed_at", r => r.Attribution?.Changes.Count > 0 ? Formats.Iso(r.Attribution.Changes[^1].Time) : null),
        new("attribution", r => r.AttributionSummary),
        new("active_findings", r => r.Findings.Count(f => f.IsActive).ToString(CultureInfo.InvariantCulture)),
        new("highest_severity", r => r.Findings.Where(f => f.IsActive).Select(f => (Severity?)f.Severity).Max() is { } s ? Formats.Severity(s) : null),
        new("finding_checks", r => string.Join(' ', r.Findings.Where(f => f.IsActive).Select(f => f.CheckId).Distinct(StringComparer.Ordinal))),
        new("finding_ids", r => string.Join(' ', r.Findings.Select(f => f.Id))),
    ];

    private static string Bool(bool value) => value ? "true" : "false";
}
