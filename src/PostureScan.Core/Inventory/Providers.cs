namespace PostureScan.Core.Inventory;

/// <summary>The provider names used in scopes, configuration, the store and every output.</summary>
public static class Providers
{
    public const string Aws = "aws";
    public const string Azure = "azure";
    public const string Gcp = "gcp";
    public const string Cisco = "cisco";

    public static IReadOnlyList<string> All { get; } = [Aws, Azure, Gcp, Cisco];
}
