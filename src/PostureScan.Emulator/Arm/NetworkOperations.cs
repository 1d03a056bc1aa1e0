namespace PostureScan.Emulator.Arm;

/// <summary>The Microsoft.Network read operations a vTAP inventory needs, named as in the REST specification.</summary>
internal static class NetworkOperations
{
    public static ArmResult ListAllTaps(ArmRequest request) => ListTaps(request, null);

    public static ArmResult ListTapsByResourceGroup(ArmRequest request)
    {
        var group = request.Value("resourceGroupName");
        return request.Index.HasResourceGroup(request.RequiredSubscription.Id, group) ? ListTaps(request, group) : ArmErrors.ResourceGroupNotFound(group);
    }

    public static ArmResult GetTap(ArmRequest request) =>
        Find(request, "virtualNetworkTaps", request.Index.Tap, (id, tap) =>
            ArmResult.Ok(ArmJson.Document(w => NetworkJson.Tap(w, id, tap, request.Index.TapConfigurationsOf(id)))));

    public static ArmResult GetNetworkInterface(ArmRequest request) =>
        Find(request, "networkInterfaces", request.Index.NetworkInterface, (id, nic) =>
            ArmResult.Ok(ArmJson.Document(w => NetworkJson.NetworkInterface(w, id, nic))));

    public static ArmResult ListTapConfigurations(ArmRequest request) =>
        Find(request, "networkInterfaces", request.Index.NetworkInterface, (id, nic) =>
        {
            var configurations = nic.TapConfigurations.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
            var (page, next, error) = ArmPaging.Page(request, configurations, c => c.Name);
            return error ?? ArmResult.Ok(ArmJson.List(page, next, (w, c) => NetworkJson.TapConfiguration(w, $"{id}/tapConfigurations/{c.Name}", c)));
        });

    public static ArmResult GetTapConfiguration(ArmRequest request) =>
        Find(request, "networkInterfaces", request.Index.NetworkInterface, (id, nic) =>
            Child(request, id, "tapConfigurations", nic.TapConfigurations, c => c.Name, NetworkJson.TapConfiguration));

    public static ArmResult GetIpConfiguration(ArmRequest request) =>
        Find(request, "networkInterfaces", request.Index.NetworkInterface, (id, nic) =>
            Child(request, id, "ipConfigurations", nic.IpConfigurations, c => c.Name, NetworkJson.IpConfiguration));

    public static ArmResult GetLoadBalancer(ArmRequest request) =>
        Find(request, "loadBalancers", request.Index.LoadBalancer, (id, balancer) =>
            ArmResult.Ok(ArmJson.Document(w => NetworkJson.LoadBalancer(w, id, balancer))));

    public static ArmResult GetFrontend(ArmRequest request) =>
        Find(request, "loadBalancers", request.Index.LoadBalancer, (id, balancer) =>
            Child(request, id, "frontendIPConfigurations", balancer.FrontendIPConfigurations, f => f.Name, NetworkJson.Frontend));

    private static ArmResult ListTaps(ArmRequest request, string? group)
    {
        var subscription = request.RequiredSubscription;
        var taps = subscription.VirtualNetworkTaps
            .Where(t => group is null || t.ResourceGroup.Equals(group, StringComparison.OrdinalIgnoreCase))
            .Select(t => (Id: ArmIds.Network(subscription.Id, t.ResourceGroup, "virtualNetworkTaps", t.Name), Tap: t))
            .OrderBy(t => t.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var (page, next, error) = ArmPaging.Page(request, taps, t => t.Id);
        return error ?? ArmResult.Ok(ArmJson.List(page, next, (w, t) => NetworkJson.Tap(w, t.Id, t.Tap, request.Index.TapConfigurationsOf(t.Id))));
    }

    /// <summary>Looks up the route's resource; answers ResourceGroupNotFound or ResourceNotFound as ARM does.</summary>
    private static ArmResult Find<T>(ArmRequest request, string type, Func<string, ArmWorldIndex.Located<T>?> lookup, Func<string, T, ArmResult> found)
    {
        var subscription = request.RequiredSubscription;
        var group = request.Value("resourceGroupName");
        var name = request.Value("name");
        if (!request.Index.HasResourceGroup(subscription.Id, group))
        {
            return ArmErrors.ResourceGroupNotFound(group);
        }

        return lookup(ArmIds.Network(subscription.Id, group, type, name)) is { } resource
            ? found(resource.Id, resource.Value)
            : ArmErrors.ResourceNotFound(type, name, group);
    }

    private static ArmResult Child<T>(
        ArmRequest request, string parentId, string collection, IReadOnlyList<T> children, Func<T, string> name, Action<System.Text.Json.Utf8JsonWriter, string, T> write)
    {
        var wanted = request.Value("child");
        var child = children.FirstOrDefault(c => name(c).Equals(wanted, StringComparison.OrdinalIgnoreCase));
        var id = $"{parentId}/{collection}/{(child is null ? wanted : name(child))}";
        return child is null ? ArmErrors.ChildNotFound(id) : ArmResult.Ok(ArmJson.Document(w => write(w, id, child)));
    }
}
