namespace PostureScan.Emulator.Gcp;

/// <summary>
/// A served GET: its route pattern, action and handler. <paramref name="Zonal"/> routes carry a zone,
/// whose region decides which faults apply.
/// </summary>
internal sealed record GcpRoute(string Pattern, GcpAction Action, Func<GcpCall, GcpResponse> Handler, bool Zonal = false);
