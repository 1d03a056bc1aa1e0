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
}
