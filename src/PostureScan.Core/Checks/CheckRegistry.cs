using PostureScan.Core.Checks.AcceptAllFilter;
using PostureScan.Core.Checks.CollectorUnhealthy;
using PostureScan.Core.Checks.CoverageGap;
using PostureScan.Core.Checks.CreatedByUnapprovedPrincipal;
using PostureScan.Core.Checks.CreatedFromUnapprovedNetwork;
using PostureScan.Core.Checks.DestinationInForeignAccount;
using PostureScan.Core.Checks.DestinationInternetFacing;
using PostureScan.Core.Checks.ErspanDestinationOutsideSanctionedNetworks;
using PostureScan.Core.Checks.FailedCreateAttempts;
using PostureScan.Core.Checks.FullPacketCaptureOfSensitiveSource;
using PostureScan.Core.Checks.ShortLivedMirror;
using PostureScan.Core.Checks.UnapprovedDestination;
using PostureScan.Core.Checks.UnattributedMissing;

namespace PostureScan.Core.Checks;

/// <summary>Every check, in report order. Adding a check is one line here, its folder, and its test class.</summary>
public sealed class CheckRegistry
{
    public CheckRegistry(IReadOnlyList<ICheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var duplicate = checks.GroupBy(c => c.Metadata.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Check id '{duplicate.Key}' is registered more than once.", nameof(checks));
        }

        Checks = checks;
    }

    public IReadOnlyList<ICheck> Checks { get; }

    public IReadOnlyList<CheckMetadata> Metadata => [.. Checks.Select(c => c.Metadata)];

    public static CheckRegistry CreateDefault() => new(
    [
        new UnapprovedDestinationCheck(),
        new DestinationInForeignAccountCheck(),
        new DestinationInternetFacingCheck(),
        new ErspanDestinationOutsideSanctionedNetworksCheck(),
        new CreatedByUnapprovedPrincipalCheck(),
        new CreatedFromUnapprovedNetworkCheck(),
        new UnattributedMissingCheck(),
        new ShortLivedMirrorCheck(),
        new AcceptAllFilterCheck(),
        new FullPacketCaptureOfSensitiveSourceCheck(),
        new CoverageGapCheck(),
        new CollectorUnhealthyCheck(),
        new FailedCreateAttemptsCheck(),
    ]);

    public ICheck? Find(string id) => Checks.FirstOrDefault(c => c.Metadata.Id == id);
}
