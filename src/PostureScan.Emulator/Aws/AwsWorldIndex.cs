using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Aws;

/// <summary>Constant-time lookup of accounts and regions, for worlds with thousands of scopes.</summary>
internal sealed class AwsWorldIndex
{
    private readonly Dictionary<string, (AwsAccount Account, Dictionary<string, AwsRegion> Regions)> _accounts;

    public AwsWorldIndex(AwsWorld world)
    {
        _accounts = world.Accounts.ToDictionary(
            a => a.Id,
            a => (a, a.Regions.ToDictionary(r => r.Name, StringComparer.Ordinal)),
            StringComparer.Ordinal);
    }

    public AwsAccount? Account(string id) => _accounts.TryGetValue(id, out var entry) ? entry.Account : null;

    public AwsRegion? Region(string account, string region) =>
        _accounts.TryGetValue(account, out var entry) && entry.Regions.TryGetValue(region, out var found) ? found : null;
}
