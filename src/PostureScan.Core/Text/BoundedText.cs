using System.Globalization;

namespace PostureScan.Core.Text;

/// <summary>
/// The one way every output cuts a value longer than its bound: the first characters (never half of a surrogate
/// pair), then a marker that says how long the value was.
/// </summary>
public static class BoundedText
{
    /// <summary>
    /// A value in a machine-readable output (the JSON, CSV and OCSF exports, <c>detect</c>'s lines and CSV): generous,
    /// yet a 100 KB tag does not pass whole.
    /// </summary>
    public const int MachineValue = 8_192;

    /// <summary>The truncation marker: the original length in characters.</summary>
    public static string Marker(int length) => string.Create(CultureInfo.InvariantCulture, $"… [truncated, {length} characters in all]");

    /// <summary>Where to cut <paramref name="value"/> to keep at most <paramref name="max"/> characters without splitting a surrogate pair.</summary>
    public static int CutAt(string value, int max)
    {
        ArgumentNullException.ThrowIfNull(value);
        var cut = Math.Clamp(max, 0, value.Length);
        return cut < value.Length && cut > 0 && char.IsHighSurrogate(value[cut - 1]) ? cut - 1 : cut;
    }

    /// <summary>
    /// <paramref name="value"/> itself when it fits in <paramref name="max"/> characters; else its first <paramref name="max"/>
    /// (one fewer where the last would be half of a surrogate pair), with no marker: for names and ids a reader keeps
    /// within a bound, which a marker would turn into another name.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Clip(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..CutAt(value, max)];

    /// <summary><paramref name="value"/> itself when it fits in <paramref name="max"/> characters; else its first <paramref name="max"/> and the marker.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Cut(string? value, int max) =>
        value is null || value.Length <= max ? value : string.Concat(value.AsSpan(0, CutAt(value, max)), Marker(value.Length));
}
