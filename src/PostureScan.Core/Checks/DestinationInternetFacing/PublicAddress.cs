using System.Net;

namespace PostureScan.Core.Checks.DestinationInternetFacing;

/// <summary>Whether an address is reachable from the internet: not in the private and special ranges below.</summary>
internal static class PublicAddress
{
    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("::1/128"),
    ];

    public static bool Is(string? address) =>
        address is not null
        && IPAddress.TryParse(address, out var ip)
        && !NonPublic.Any(n => n.Contains(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip));
}
