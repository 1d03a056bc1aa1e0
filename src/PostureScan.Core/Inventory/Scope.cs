namespace PostureScan.Core.Inventory;

/// <summary>
/// The unit of collection and of failure: one provider, one account (AWS account, Azure subscription,
/// GCP project or network device) and one region ("global" where the provider has none).
/// </summary>
public sealed record Scope(string Provider, string Account, string Region)
{
    public const string Global = "global";

    /// <summary>A stable key, used to compare runs and to name jobs.</summary>
    public string Key => $"{Provider}/{Account}/{Region}";

    public override string ToString() => Key;
}
