namespace PostureScan.Cisco.Accounting;

/// <summary>
/// Where one user's configuration session on one device stands: inside <c>monitor session N</c>
/// (<paramref name="InDestination"/> when in the ERSPAN <c>destination</c> sub-mode under it), or null outside.
/// </summary>
internal sealed record ConfigContext(int Session, bool InDestination);
