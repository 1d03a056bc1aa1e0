using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Policy;

/// <summary>
/// Sources that must be mirrored to the collector named <see cref="Collector"/>: the candidate sources of
/// the listed providers and accounts (empty list = all; a network device's account is its name) whose tags
/// match <see cref="Tags"/>. <see cref="Interfaces"/>, <see cref="Vlans"/> and <see cref="Descriptions"/>
/// select network device ports instead (by name pattern, access VLAN, description pattern): every key given
/// must match, any item of its list; a rule with none of them selects every port of the devices it names.
/// </summary>
public sealed record CoverageRule(
    string Name,
    string Collector,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Accounts,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<DeviceInterfacePattern>? Interfaces = null,
    IReadOnlyList<int>? Vlans = null,
    IReadOnlyList<TextPattern>? Descriptions = null)
{
    /// <summary>True when the rule names device ports by interface, VLAN or description (and so selects no cloud source).</summary>
    public bool SelectsDevicePorts =>
        Interfaces is { Count: > 0 } || Vlans is { Count: > 0 } || Descriptions is { Count: > 0 };

    public bool Selects(CandidateSource candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!SelectsScope(candidate.Scope))
        {
            return false;
        }

        return candidate.Port is { } port
            ? Tags.Count == 0 && SelectsPort(port)
            : !SelectsDevicePorts && (Tags.Count == 0 || TagSelector.Matches(Tags, candidate.Source.Tags));
    }

    /// <summary>True when the rule asks for sources in this scope (its provider and account), whatever their tags.</summary>
    public bool SelectsScope(Scope scope) =>
        (Providers.Count == 0 || Providers.Contains(scope.Provider, StringComparer.OrdinalIgnoreCase))
        && (Accounts.Count == 0 || Accounts.Contains(scope.Account, StringComparer.OrdinalIgnoreCase));

    private bool SelectsPort(DevicePort port) =>
        (Interfaces is not { Count: > 0 } names || names.Any(p => p.Matches(port.Device, port.Interface)))
        && (Vlans is not { Count: > 0 } vlans || (port.AccessVlan is { } vlan && vlans.Contains(vlan)))
        && (Descriptions is not { Count: > 0 } descriptions || descriptions.Any(d => d.Matches(port.Description)));
}
