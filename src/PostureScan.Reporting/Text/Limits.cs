namespace PostureScan.Reporting.Text;

/// <summary>How many characters of a cloud value each kind of output keeps (the rest is cut with a marker).</summary>
internal static class Limits
{
    /// <summary>A table cell of a report: ids, names, actors, addresses.</summary>
    public const int Cell = 300;

    /// <summary>A sentence of a report: descriptions, finding messages, reasons.</summary>
    public const int Prose = 2_000;

    /// <summary>A tag value in a report.</summary>
    public const int Tag = 200;

    /// <summary>A value in a machine export (JSON, CSV, OCSF): generous, yet a 100 KB tag does not pass whole.</summary>
    public const int Export = Core.Text.BoundedText.MachineValue;

    /// <summary>The provider's own JSON in the JSON export.</summary>
    public const int RawJson = 65_536;
}
