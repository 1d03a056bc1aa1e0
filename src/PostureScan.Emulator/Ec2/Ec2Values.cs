using System.Globalization;

namespace PostureScan.Emulator.Ec2;

/// <summary>Small helpers for filter tables: a field as the list of strings a filter compares.</summary>
internal static class Ec2Values
{
    public static IEnumerable<string?> Of(string? value) => [value];

    public static IEnumerable<string?> Of(long? value) => [value?.ToString(CultureInfo.InvariantCulture)];
}
