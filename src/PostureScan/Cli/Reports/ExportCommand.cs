using System.CommandLine;
using PostureScan.Reporting;

namespace PostureScan.Cli.Reports;

/// <summary><c>posturescan export [--run ID|latest] --format csv|json|ocsf|asff --out FILE [--db FILE]</c></summary>
internal static class ExportCommand
{
    public static Command Create() => ReportCommand.Build(
        "export",
        "Export a stored run's inventory with attribution and findings: csv, json, ocsf (1.3.0) or asff (Security Hub; AWS findings only)",
        ReportWriters.Exports);
}
