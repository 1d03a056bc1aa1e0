using CsvHelper;
using PostureScan.Core.Text;

namespace PostureScan.Reporting.Csv;

/// <summary>
/// CSV meant for spreadsheets, shared by every CSV the project writes (the export and <c>detect --format csv</c>),
/// so that no hostile value becomes a formula or carries a character that is not seen.
/// </summary>
public static class SpreadsheetCsv
{
    /// <summary>
    /// CsvHelper's options: a cell that begins with <c>= + - @</c>, tab or carriage return gets a leading
    /// <c>'</c>; rows end in <c>\n</c>.
    /// </summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        NewLine = "\n",
    };

    /// <summary>
    /// <paramref name="value"/> with its control, format and separator characters shown as <c>[U+XXXX]</c>, as the
    /// reports show them (CSV has no escape for them, and <c>detect</c>'s CSV goes to a terminal), but for tab,
    /// carriage return and line feed, which CSV quoting carries; then with a leading <c>'</c> when a formula
    /// character follows leading white space or quotes, which CsvHelper's escape does not see (it reads only the
    /// first character) and which a spreadsheet that trims cells on import would run.
    /// </summary>
    public static string? Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        value = UnsafeText.Visible(value, "\t\r\n");

        var start = 0;
        while (start < value.Length && (char.IsWhiteSpace(value[start]) || value[start] is '"' or '\''))
        {
            start++;
        }

        return start > 0 && start < value.Length && value[start] is '=' or '+' or '-' or '@' ? "'" + value : value;
    }
}
