using System.Collections;
using System.Reflection;
using Xunit.Sdk;

namespace PostureScan.TestKit;

/// <summary>
/// Structural equality for records that hold lists and dictionaries (which records compare by
/// reference). Walks public properties, sequences in order and dictionaries by key, and names the
/// first differing path, e.g. <c>Sessions[3].Target.Tags["env"]</c>.
/// </summary>
public static class Deep
{
    private const int MaxShown = 120;

    public static void Equal(object? expected, object? actual)
    {
        if (Difference(expected, actual, "") is { } difference)
        {
            throw new XunitException($"Deep.Equal failure at {difference}");
        }
    }

    private static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : Mismatch(path, expected, actual);
        }

        var type = expected.GetType();
        if (type != actual.GetType() && !(expected is IEnumerable && actual is IEnumerable))
        {
            return $"{Root(path)}: type {type.Name} expected, {actual.GetType().Name} found";
        }

        if (IsScalar(type))
        {
            return Equals(expected, actual) ? null : Mismatch(path, expected, actual);
        }

        if (expected is IDictionary expectedMap && actual is IDictionary actualMap)
        {
            return DictionaryDifference(expectedMap, actualMap, path);
        }

        if (expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            return SequenceDifference(expectedItems, actualItems, path);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var difference = Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? DictionaryDifference(IDictionary expected, IDictionary actual, string path)
    {
        if (expected.Count != actual.Count)
        {
            return $"{Root(path)}: {expected.Count} entries expected, {actual.Count} found";
        }

        foreach (DictionaryEntry entry in expected)
        {
            var keyPath = $"{path}[{Show(entry.Key)}]";
            if (!actual.Contains(entry.Key))
            {
                return $"{keyPath}: missing";
            }

            if (Difference(entry.Value, actual[entry.Key], keyPath) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? SequenceDifference(IEnumerable expected, IEnumerable actual, string path)
    {
        var left = expected.Cast<object?>().ToList();
        var right = actual.Cast<object?>().ToList();
        if (left.Count != right.Count)
        {
            return $"{Root(path)}: {left.Count} items expected, {right.Count} found";
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (Difference(left[i], right[i], $"{path}[{i}]") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || (type.IsValueType && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)));

    private static string Mismatch(string path, object? expected, object? actual) =>
        $"{Root(path)}: expected {Show(expected)}, found {Show(actual)}";

    private static string Root(string path) => path.Length == 0 ? "(root)" : path;

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s when s.Length > MaxShown => $"\"{s[..MaxShown]}...\" ({s.Length} chars)",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? "",
    };
}
