using System.Globalization;
using System.Text.RegularExpressions;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Arm;

/// <summary>
/// Resources_List: every resource of a subscription as ARM's generic listing shows it (id, name, type,
/// location, tags, never properties), narrowed by <c>$filter=resourceType eq '...'</c> and <c>$top</c>.
/// </summary>
internal static partial class GenericResourceOperations
{
    private sealed record Listed(string Id, string Name, string Type, string Location, IReadOnlyDictionary<string, string> Tags);

    public static ArmResult List(ArmRequest request)
    {
        var filter = request.QueryValue("$filter");
        string? type = null;
        if (filter is not null)
        {
            if (TypeFilter().Match(filter) is not { Success: true } match)
            {
                return ArmErrors.InvalidFilter(filter);
            }

            type = match.Groups["type"].Value;
        }

        int? top = null;
        if (request.QueryValue("$top") is { } topText)
        {
            if (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return ArmErrors.InvalidFilter("$top=" + topText);
            }

            top = parsed;
        }

        var resources = All(request.RequiredSubscription)
            .Where(r => type is null || r.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var (page, next, error) = ArmPaging.Page(request, resources, r => r.Id, top);
        if (error is not null)
        {
            return error;
        }

        return ArmResult.Ok(ArmJson.List(page, next, (w, r) =>
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("name", r.Name);
            w.WriteString("type", r.Type);
            w.WriteString("location", r.Location);
            w.Tags(r.Tags);
            w.WriteEndObject();
        }));
    }

    private static IEnumerable<Listed> All(AzureSubscription s) =>
        s.VirtualNetworkTaps.Select(t => new Listed(ArmIds.Network(s.Id, t.ResourceGroup, "virtualNetworkTaps", t.Name), t.Name, NetworkJson.TapType, t.Location, t.Tags))
            .Concat(s.NetworkInterfaces.Select(n => new Listed(ArmIds.Network(s.Id, n.ResourceGroup, "networkInterfaces", n.Name), n.Name, NetworkJson.NicType, n.Location, n.Tags)))
            .Concat(s.LoadBalancers.Select(l => new Listed(ArmIds.Network(s.Id, l.ResourceGroup, "loadBalancers", l.Name), l.Name, NetworkJson.LoadBalancerType, l.Location, l.Tags)));

    [GeneratedRegex(@"^\s*resourceType\s+eq\s+'(?<type>[A-Za-z0-9./]{1,200})'\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeFilter();
}
