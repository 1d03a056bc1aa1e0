namespace PostureScan.Cisco.Parsing;

/// <summary>An access list (or SGT) a session filters by: <paramref name="Family"/> is ip, ipv6, mac, sgt or acl.</summary>
internal sealed record AccessGroup(string Family, string Name);
