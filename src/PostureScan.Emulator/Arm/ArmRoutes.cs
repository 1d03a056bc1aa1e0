namespace PostureScan.Emulator.Arm;

/// <summary>The ARM paths the emulator serves: a table from path template to operation and permission.</summary>
internal static class ArmRoutes
{
    private const string Group = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network";
    private const string TapRead = "Microsoft.Network/virtualNetworkTaps/read";
    private const string NicRead = "Microsoft.Network/networkInterfaces/read";
    private const string LoadBalancerRead = "Microsoft.Network/loadBalancers/read";

    public static IReadOnlyList<ArmRoute> All { get; } =
    [
        new("subscriptions", "Subscriptions_List", "Microsoft.Resources/subscriptions/read", ArmApi.Resources, SubscriptionOperations.List),
        new("subscriptions/{subscriptionId}", "Subscriptions_Get", "Microsoft.Resources/subscriptions/read", ArmApi.Resources, SubscriptionOperations.Get),
        new("subscriptions/{subscriptionId}/resources", "Resources_List", "Microsoft.Resources/subscriptions/resources/read", ArmApi.Resources, GenericResourceOperations.List),
        new("subscriptions/{subscriptionId}/providers/Microsoft.Network/virtualNetworkTaps", "VirtualNetworkTaps_ListAll", TapRead, ArmApi.Network, NetworkOperations.ListAllTaps),
        new($"{Group}/virtualNetworkTaps", "VirtualNetworkTaps_ListByResourceGroup", TapRead, ArmApi.Network, NetworkOperations.ListTapsByResourceGroup),
        new($"{Group}/virtualNetworkTaps/{{name}}", "VirtualNetworkTaps_Get", TapRead, ArmApi.Network, NetworkOperations.GetTap),
        new($"{Group}/networkInterfaces/{{name}}", "NetworkInterfaces_Get", NicRead, ArmApi.Network, NetworkOperations.GetNetworkInterface),
        new($"{Group}/networkInterfaces/{{name}}/tapConfigurations", "NetworkInterfaceTapConfigurations_List",
            "Microsoft.Network/networkInterfaces/tapConfigurations/read", ArmApi.Network, NetworkOperations.ListTapConfigurations),
        new($"{Group}/networkInterfaces/{{name}}/tapConfigurations/{{child}}", "NetworkInterfaceTapConfigurations_Get",
            "Microsoft.Network/networkInterfaces/tapConfigurations/read", ArmApi.Network, NetworkOperations.GetTapConfiguration),
        new($"{Group}/networkInterfaces/{{name}}/ipConfigurations/{{child}}", "NetworkInterfaceIPConfigurations_Get",
            "Microsoft.Network/networkInterfaces/ipconfigurations/read", ArmApi.Network, NetworkOperations.GetIpConfiguration),
        new($"{Group}/loadBalancers/{{name}}", "LoadBalancers_Get", LoadBalancerRead, ArmApi.Network, NetworkOperations.GetLoadBalancer),
        new($"{Group}/loadBalancers/{{name}}/frontendIPConfigurations/{{child}}", "LoadBalancerFrontendIPConfigurations_Get",
            "Microsoft.Network/loadBalancers/frontendIPConfigurations/read", ArmApi.Network, NetworkOperations.GetFrontend),
        new(ActivityLog.ActivityLogOperations.Path, "ActivityLogs_List", "Microsoft.Insights/eventtypes/values/read", ArmApi.Insights, ActivityLog.ActivityLogOperations.List),
    ];
}
