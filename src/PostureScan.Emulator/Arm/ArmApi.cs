namespace PostureScan.Emulator.Arm;

/// <summary>Which api-versions an operation accepts: the resource manager's own, or the network provider's.</summary>
internal enum ArmApi
{
    /// <summary>Microsoft.Resources (subscriptions, generic resource listing): any well-formed api-version.</summary>
    Resources,

    /// <summary>Microsoft.Network: the stable versions from the one that introduced virtual network TAPs on.</summary>
    Network,

    /// <summary>Microsoft.Insights event types (the Activity Log): 2015-04-01, its one stable version.</summary>
    Insights,
}
