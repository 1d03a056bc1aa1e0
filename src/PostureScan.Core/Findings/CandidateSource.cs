using PostureScan.Core.Inventory;

namespace PostureScan.Core.Findings;

/// <summary>
/// A source that could be mirrored (an ENI, a NIC, an instance, a device port), listed by a collector so
/// that coverage rules can ask whether it is mirrored to its collector. <paramref name="Via"/> names what
/// else a mirror may select it by (a GCP instance's subnetwork link, or "NETWORK|tag" for each of its
/// network tags; a device port's interface, access VLAN and port-channel), in the form
/// <see cref="CoverageKeys"/> gives the mirrored sources. <paramref name="Port"/> is set for device ports only.
/// </summary>
public sealed record CandidateSource(Scope Scope, MirroredSource Source, IReadOnlyList<string>? Via = null, DevicePort? Port = null);
