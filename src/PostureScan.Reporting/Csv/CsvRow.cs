using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;

namespace PostureScan.Reporting.Csv;

/// <summary>What one CSV row is made from: a mirror, its run, its attribution and its findings.</summary>
internal sealed record CsvRow(
    string RunId,
    MirrorSession Session,
    Core.Attribution.Attribution? Attribution,
    string AttributionSummary,
    IReadOnlyList<Finding> Findings);
