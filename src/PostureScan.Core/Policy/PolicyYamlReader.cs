using System.Globalization;
using System.Net;
using PostureScan.Core.Findings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PostureScan.Core.Policy;

/// <summary>
/// Typed reads of YAML nodes that record a <see cref="PolicyError"/> at the node's position instead of
/// throwing, so one pass reports every problem. A read that fails returns null (or an empty value).
/// </summary>
internal sealed class PolicyYamlReader(string file)
{
    /// <summary>Tag values, names and ids come from people and clouds: bounded, like everything else.</summary>
    public const int MaxStringLength = 2048;

    private static readonly Dictionary<string, Severity> Severities =
        Enum.GetValues<Severity>().ToDictionary(s => s.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public List<PolicyError> Errors { get; } = [];

    public static string SeverityNames => string.Join(", ", Severities.Keys);

    public void Error(Mark at, string key, string message) =>
        Errors.Add(new PolicyError(file, checked((int)at.Line), checked((int)at.Column), key.Length == 0 ? "(root)" : key, message));

    public void Error(YamlNode at, string key, string message) => Error(at.Start, key, message);

    /// <summary>A mapping whose keys must all be in <paramref name="allowed"/>; returns key → (key node, value).</summary>
    public Dictionary<string, (YamlNode Key, YamlNode Value)>? Mapping(YamlNode node, string path, IReadOnlyCollection<string>? allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, $"expected a mapping, found {Describe(node)}");
            return null;
        }

        var result = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : null;
            var keyPath = Join(path, key ?? "?");
            if (key is null)
            {
                Error(keyNode, keyPath, $"expected a plain key, found {Describe(keyNode)}");
            }
            else if (allowed is not null && !allowed.Contains(key))
            {
                Error(keyNode, keyPath, $"unknown key '{Bounded(key)}'; expected one of: {string.Join(", ", allowed)}");
            }
            else
            {
                result[key] = (keyNode, value);
            }
        }

        return result;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string path)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Error(node, path, $"expected a list, found {Describe(node)}");
        return null;
    }

    public string? String(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar || IsNull(scalar))
        {
            Error(node, path, $"expected a string, found {Describe(node)}");
            return null;
        }

        if (scalar.Value!.Length > MaxStringLength)
        {
            Error(node, path, $"value is longer than {MaxStringLength} characters");
            return null;
        }

        if (scalar.Value.Trim().Length == 0)
        {
            Error(node, path, "value is empty");
            return null;
        }

        return scalar.Value;
    }

    public long? Integer(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, path, $"expected an integer, found {Describe(node)}");
        return null;
    }

    public bool? Boolean(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, path, $"expected true or false, found {Describe(node)}");
        return null;
    }

    public IReadOnlyList<string> Strings(YamlNode node, string path) =>
        Items(node, path, String);

    public IReadOnlyList<IPNetwork> Cidrs(YamlNode node, string path)
    {
        var networks = new List<IPNetwork>();
        foreach (var (item, itemPath) in Children(node, path))
        {
            if (String(item, itemPath) is { } text && Cidr(item, itemPath, text) is { } network)
            {
                networks.Add(network);
            }
        }

        return networks;
    }

    public IReadOnlyDictionary<string, string> Tags(YamlNode node, string path)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, (_, value)) in Mapping(node, path, allowed: null) ?? [])
        {
            if (String(value, Join(path, key)) is { } text)
            {
                tags[key] = text;
            }
        }

        return tags;
    }

    public DateOnly? Date(YamlNode node, string path)
    {
        if (String(node, path) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(node, path, $"'{Bounded(text)}' is not a date (YYYY-MM-DD)");
        return null;
    }

    public Severity? Severity(YamlNode node, string path)
    {
        if (String(node, path) is not { } text)
        {
            return null;
        }

        if (Severities.TryGetValue(text, out var severity))
        {
            return severity;
        }

        Error(node, path, $"'{Bounded(text)}' is not a severity; expected one of: {SeverityNames}");
        return null;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>Shortens a hostile value before it goes into a message.</summary>
    public static string Bounded(string text) => text.Length <= 64 ? text : text[..64] + "...";

    private IPNetwork? Cidr(YamlNode node, string path, string text)
    {
        // "10.0.0.1/8" is ambiguous (a host or its network?): set host bits are an error, not a guess.
        if (text.Contains('/', StringComparison.Ordinal)
            && IPNetwork.TryParse(text, out var network)
            && IPAddress.TryParse(text[..text.IndexOf('/', StringComparison.Ordinal)], out var address)
            && address.Equals(network.BaseAddress))
        {
            return network;
        }

        Error(node, path, $"'{Bounded(text)}' is not a CIDR block (address/prefix with no host bits set, e.g. 10.0.0.0/8)");
        return null;
    }

    private List<T> Items<T>(YamlNode node, string path, Func<YamlNode, string, T?> read)
        where T : class
    {
        var items = new List<T>();
        foreach (var (item, itemPath) in Children(node, path))
        {
            if (read(item, itemPath) is { } value)
            {
                items.Add(value);
            }
        }

        return items;
    }

    private IEnumerable<(YamlNode Item, string Path)> Children(YamlNode node, string path) =>
        Sequence(node, path) is { } sequence
            ? sequence.Children.Select((item, i) => (item, $"{path}[{i}]"))
            : [];

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Value is null || (scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{Bounded(s.Value ?? "")}'",
        _ => "an alias",
    };
}
