using System.Net;
using PostureScan.Core.Checks;
using PostureScan.Core.Inventory;
using YamlDotNet.RepresentationModel;

namespace PostureScan.Core.Policy;

/// <summary>Turns the root mapping of a policy into records, section by section, recording every error.</summary>
internal sealed class PolicySectionParser(PolicyYamlReader r, IReadOnlyList<CheckMetadata> checks)
{
    private readonly DevicePolicyReader devices = new(r);

    public MirrorPolicy? Parse(YamlNode root, string source)
    {
        if (r.Mapping(root, "", PolicyKeys.Root) is not { } map)
        {
            return null;
        }

        var version = map.TryGetValue("version", out var v) ? r.Integer(v.Value, "version") : null;
        if (!map.ContainsKey("version"))
        {
            r.Error(root, "version", $"missing required key 'version' (this build reads version {PolicyLoader.SupportedVersion})");
        }
        else if (version is { } n && n != PolicyLoader.SupportedVersion)
        {
            r.Error(v.Value, "version", $"unsupported version {n}; this build reads version {PolicyLoader.SupportedVersion}");
        }

        var estate = OptionalList(map, "estate", (node, path) => r.Mapping(node, path, PolicyKeys.Estate) is { } e && e.TryGetValue("accounts", out var a)
            ? r.Strings(a.Value, "estate.accounts")
            : []);
        var collectors = List(map, "collectors", ParseCollector);
        UniqueNames(map, "collectors");
        var principals = OptionalList(map, "principals", r.Strings).Select(p => new PrincipalPattern(p)).ToList();
        var networks = OptionalList(map, "sourceNetworks", r.Cidrs);
        IReadOnlyList<IPNetwork>? erspanNetworks = map.TryGetValue("erspanNetworks", out var erspan) ? r.Cidrs(erspan.Value, "erspanNetworks") : null;
        var sensitive = List(map, "sensitive", ParseSensitive);
        var coverage = List(map, "coverage", (node, path) => ParseCoverage(node, path, collectors));
        var exceptions = List(map, "exceptions", ParseException);
        var checkOptions = OptionalMap(map, "checks", ParseChecks);

        return new MirrorPolicy(source, (int)(version ?? PolicyLoader.SupportedVersion), estate, collectors, principals, networks, sensitive, coverage, exceptions, checkOptions, erspanNetworks);
    }

    private Collector? ParseCollector(YamlNode node, string path)
    {
        if (r.Mapping(node, path, PolicyKeys.Collector) is not { } m)
        {
            return null;
        }

        var name = Required(m, node, path, "name", r.String);
        var ids = Get(m, path, "providerIds", r.Strings) ?? [];
        var cidrs = Get(m, path, "cidrs", r.Cidrs) ?? [];
        var tags = Get(m, path, "tags", r.Tags) ?? new Dictionary<string, string>();
        var interfaces = Get(m, path, "interfaces", devices.Interfaces) ?? [];
        var vlans = Get(m, path, "rspanVlans", devices.Vlans) ?? [];
        if (!PolicyKeys.Collector.Skip(1).Any(m.ContainsKey))
        {
            r.Error(node, path, $"a collector needs at least one of: {string.Join(", ", PolicyKeys.Collector.Skip(1))}");
        }

        return name is null ? null : new Collector(name, ids, cidrs, tags, interfaces, vlans);
    }

    private SensitiveSource? ParseSensitive(YamlNode node, string path)
    {
        if (r.Mapping(node, path, PolicyKeys.Sensitive) is not { } m)
        {
            return null;
        }

        var name = Required(m, node, path, "name", r.String);
        var tags = Get(m, path, "tags", r.Tags) ?? new Dictionary<string, string>();
        var subnets = Get(m, path, "subnets", r.Cidrs) ?? [];
        var networks = Get(m, path, "networks", r.Strings) ?? [];
        var interfaces = Get(m, path, "interfaces", devices.Interfaces) ?? [];
        if (!PolicyKeys.Sensitive.Skip(1).Any(m.ContainsKey))
        {
            r.Error(node, path, $"a sensitive source needs at least one of: {string.Join(", ", PolicyKeys.Sensitive.Skip(1))}");
        }

        return name is null ? null : new SensitiveSource(name, tags, subnets, networks, interfaces);
    }

    private CoverageRule? ParseCoverage(YamlNode node, string path, IReadOnlyList<Collector> collectors)
    {
        if (r.Mapping(node, path, PolicyKeys.Coverage) is not { } m)
        {
            return null;
        }

        var name = Required(m, node, path, "name", r.String);
        var collector = Required(m, node, path, "collector", r.String);
        if (collector is not null && !collectors.Any(c => c.Name == collector))
        {
            r.Error(m["collector"].Value, PolicyYamlReader.Join(path, "collector"), $"no collector is named '{PolicyYamlReader.Bounded(collector)}'");
        }

        var providers = Get(m, path, "providers", r.Strings) ?? [];
        for (var i = 0; i < providers.Count; i++)
        {
            if (!Providers.All.Contains(providers[i], StringComparer.Ordinal))
            {
                var item = ((YamlSequenceNode)m["providers"].Value).Children[i];
                r.Error(item, $"{path}.providers[{i}]", $"unknown provider '{PolicyYamlReader.Bounded(providers[i])}'; expected one of: {string.Join(", ", Providers.All)}");
            }
        }

        var accounts = Get(m, path, "accounts", r.Strings) ?? [];
        var tags = Get(m, path, "tags", r.Tags) ?? new Dictionary<string, string>();
        var interfaces = Get(m, path, "interfaces", devices.InterfacePatterns) ?? [];
        var vlans = Get(m, path, "vlans", devices.Vlans) ?? [];
        var descriptions = Get(m, path, "descriptions", devices.TextPatterns) ?? [];
        var rule = name is null || collector is null ? null : new CoverageRule(name, collector, providers, accounts, tags, interfaces, vlans, descriptions);
        if (rule is { SelectsDevicePorts: true })
        {
            CheckDeviceRule(rule, m, path);
        }

        return rule;
    }

    /// <summary>Device-port keys select only device interfaces: a rule that also asks for tags or for cloud providers only could never match.</summary>
    private void CheckDeviceRule(CoverageRule rule, Dictionary<string, (YamlNode Key, YamlNode Value)> m, string path)
    {
        if (rule.Tags.Count > 0)
        {
            r.Error(m["tags"].Value, PolicyYamlReader.Join(path, "tags"),
                "interfaces, vlans and descriptions select network device ports, which have no tags; put tag selectors in a rule of their own");
        }

        if (rule.Providers.Count > 0 && !rule.Providers.Contains(Providers.Cisco, StringComparer.Ordinal))
        {
            r.Error(m["providers"].Value, PolicyYamlReader.Join(path, "providers"),
                $"interfaces, vlans and descriptions select network device ports; add '{Providers.Cisco}' to providers or drop them");
        }
    }

    private Exemption? ParseException(YamlNode node, string path)
    {
        if (r.Mapping(node, path, PolicyKeys.Exception) is not { } m)
        {
            return null;
        }

        var finding = Get(m, path, "finding", r.String);
        var resource = Get(m, path, "resource", r.String);
        var check = Get(m, path, "check", r.String);
        if (m.ContainsKey("finding") == m.ContainsKey("resource"))
        {
            r.Error(node, path, "give exactly one of 'finding' (a finding id) or 'resource' (a resource id)");
        }

        if (check is not null && !checks.Any(c => c.Id == check))
        {
            r.Error(m["check"].Value, PolicyYamlReader.Join(path, "check"), $"unknown check '{PolicyYamlReader.Bounded(check)}'");
        }

        var reason = Required(m, node, path, "reason", r.String);
        var owner = Required(m, node, path, "owner", r.String);
        var expires = Required(m, node, path, "expires", r.Date);
        return reason is null || owner is null || expires is null
            ? null
            : new Exemption(finding, resource, check, reason, owner, expires.Value);
    }

    private Dictionary<string, CheckOptions> ParseChecks(YamlNode node, string path) =>
        new CheckOptionsParser(r, checks).Parse(node, path);

    private T? Required<T>(Dictionary<string, (YamlNode Key, YamlNode Value)> m, YamlNode owner, string path, string key, Func<YamlNode, string, T?> read)
    {
        if (m.TryGetValue(key, out var entry))
        {
            return read(entry.Value, PolicyYamlReader.Join(path, key));
        }

        r.Error(owner, PolicyYamlReader.Join(path, key), $"missing required key '{key}'");
        return default;
    }

    private static T? Get<T>(Dictionary<string, (YamlNode Key, YamlNode Value)> m, string path, string key, Func<YamlNode, string, T?> read) =>
        m.TryGetValue(key, out var entry) ? read(entry.Value, PolicyYamlReader.Join(path, key)) : default;

    private static T OptionalMap<T>(Dictionary<string, (YamlNode Key, YamlNode Value)> m, string key, Func<YamlNode, string, T> read)
        where T : new() =>
        m.TryGetValue(key, out var entry) ? read(entry.Value, key) : new T();

    private static IReadOnlyList<T> OptionalList<T>(Dictionary<string, (YamlNode Key, YamlNode Value)> m, string key, Func<YamlNode, string, IReadOnlyList<T>> read) =>
        m.TryGetValue(key, out var entry) ? read(entry.Value, key) : [];

    private List<T> List<T>(Dictionary<string, (YamlNode Key, YamlNode Value)> m, string key, Func<YamlNode, string, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (m.TryGetValue(key, out var entry) && r.Sequence(entry.Value, key) is { } sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (read(sequence.Children[i], $"{key}[{i}]") is { } item)
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }

    private void UniqueNames(Dictionary<string, (YamlNode Key, YamlNode Value)> m, string key)
    {
        if (!m.TryGetValue(key, out var entry) || entry.Value is not YamlSequenceNode sequence)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlMappingNode item
                && item.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode)
                && nameNode is YamlScalarNode { Value: { } name }
                && !seen.Add(name))
            {
                r.Error(nameNode, $"{key}[{i}].name", $"the name '{PolicyYamlReader.Bounded(name)}' is already used by another collector");
            }
        }
    }
}
