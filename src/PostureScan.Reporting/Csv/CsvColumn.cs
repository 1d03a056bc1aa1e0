namespace PostureScan.Reporting.Csv;

/// <summary>One column of the CSV export: its header and how a row's value is read.</summary>
internal sealed record CsvColumn(string Header, Func<CsvRow, string?> Value);
