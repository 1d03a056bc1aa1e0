namespace PostureScan.Output;

/// <summary>Makes adversary-controlled strings safe and short enough for a terminal cell.</summary>
internal static class TerminalText
{
    public static string Cell(string? value, int max = 60)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        // Control characters (escape sequences among them) could rewrite the operator's terminal.
        var clean = new string([.. value.Take(max + 1).Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length > max ? clean[..(max - 1)] + "…" : clean;
    }
}
