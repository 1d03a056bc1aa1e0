namespace PostureScan.Cisco.Parsing;

/// <summary>
/// One <c>interface NAME</c> stanza of a running-config, as far as coverage needs it: its description, the
/// access VLAN of an access port (null for trunks and routed ports), whether it is shut down, and the
/// port-channel it is bundled into (a session on the port-channel copies its members).
/// </summary>
internal sealed record ConfiguredPort(string Name, string? Description, int? AccessVlan, bool Shutdown, int? ChannelGroup);
