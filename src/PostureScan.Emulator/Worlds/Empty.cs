namespace PostureScan.Emulator.Worlds;

/// <summary>Shared immutable empty values for defaults.</summary>
internal static class Empty
{
    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>();
}
