using YamlDotNet.RepresentationModel;

namespace PostureScan.Core.Policy;

/// <summary>The policy values that name network-device things: interfaces (<c>DEVICE/INTERFACE</c>) and VLAN numbers.</summary>
internal sealed class DevicePolicyReader(PolicyYamlReader r)
{
    public IReadOnlyList<DeviceInterface> Interfaces(YamlNode node, string path)
    {
        var result = new List<DeviceInterface>();
        if (r.Sequence(node, path) is not { } sequence)
        {
            return result;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemPath = $"{path}[{i}]";
            if (r.String(item, itemPath) is not { } text)
            {
                continue;
            }

            if (DeviceInterface.Parse(text) is { } parsed)
            {
                result.Add(parsed);
            }
            else
            {
                r.Error(item, itemPath, $"'{PolicyYamlReader.Bounded(text)}' is not DEVICE/INTERFACE (e.g. core-sw1/Gi1/0/48, or */Ethernet1/48 for any device)");
            }
        }

        return result;
    }

    /// <summary>Coverage's interface patterns: <c>DEVICE/INTERFACE</c> with <c>*</c> wildcards in either half.</summary>
    public IReadOnlyList<DeviceInterfacePattern> InterfacePatterns(YamlNode node, string path) =>
        Each(node, path, (item, itemPath, text) =>
        {
            var parsed = DeviceInterfacePattern.Parse(text);
            if (parsed is null)
            {
                r.Error(item, itemPath, $"'{PolicyYamlReader.Bounded(text)}' is not DEVICE/INTERFACE (e.g. access-*/Gi1/0/*, core-sw1/*, */Ethernet1/1)");
            }

            return parsed;
        });

    /// <summary>Text patterns with <c>*</c> wildcards (port descriptions).</summary>
    public IReadOnlyList<TextPattern> TextPatterns(YamlNode node, string path) =>
        Each(node, path, (_, _, text) => new TextPattern(text));

    public IReadOnlyList<int> Vlans(YamlNode node, string path)
    {
        var result = new List<int>();
        if (r.Sequence(node, path) is not { } sequence)
        {
            return result;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (r.Integer(sequence.Children[i], itemPath) is not { } vlan)
            {
                continue;
            }

            if (vlan is < 1 or > 4094)
            {
                r.Error(sequence.Children[i], itemPath, $"VLAN {vlan} is outside 1-4094");
            }
            else
            {
                result.Add((int)vlan);
            }
        }

        return result;
    }

    private List<T> Each<T>(YamlNode node, string path, Func<YamlNode, string, string, T?> read)
        where T : class
    {
        var result = new List<T>();
        if (r.Sequence(node, path) is not { } sequence)
        {
            return result;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (r.String(sequence.Children[i], itemPath) is { } text && read(sequence.Children[i], itemPath, text) is { } item)
            {
                result.Add(item);
            }
        }

        return result;
    }
}
