using System.Collections.Frozen;
using System.Text.Json;

namespace PostureScan.Storage;

/// <summary>
/// Enum values as text in columns, spelled as in the stored JSON (camelCase names), so a query on
/// <c>status = 'failed'</c> and the record JSON agree.
/// </summary>
internal static class StoredEnum<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Names =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, T> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Name(T value) => Names[value];

    public static string? Name(T? value) => value is { } v ? Names[v] : null;

    public static T Parse(string name) => Values.TryGetValue(name, out var value)
        ? value
        : throw new InvalidDataException($"Unknown {typeof(T).Name} '{name}' in the store.");

    public static T? ParseOrNull(string? name) => name is null ? null : Parse(name);
}
