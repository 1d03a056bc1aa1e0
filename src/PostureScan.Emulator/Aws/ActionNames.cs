using System.Text.RegularExpressions;

namespace PostureScan.Emulator.Aws;

/// <summary>What an action name says about the call, before the emulator knows the action.</summary>
internal static partial class ActionNames
{
    private static readonly string[] ReadPrefixes = ["Describe", "List", "Get", "Lookup"];

    /// <summary>Read-only by AWS naming convention; anything else may change the cloud.</summary>
    public static bool IsRead(string action) => ReadPrefixes.Any(p => action.StartsWith(p, StringComparison.Ordinal));

    /// <summary>AWS action names are short alphanumerics; anything else is refused unread.</summary>
    public static bool IsWellFormed(string action) => WellFormed().IsMatch(action);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,127}$")]
    private static partial Regex WellFormed();
}
