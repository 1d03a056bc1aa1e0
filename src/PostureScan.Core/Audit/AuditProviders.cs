using PostureScan.Core.Inventory;

namespace PostureScan.Core.Audit;

/// <summary>Which inventory provider an audit platform's events belong to, and the scope of an event.</summary>
public static class AuditProviders
{
    private static readonly Dictionary<AuditPlatform, string> Table = new()
    {
        [AuditPlatform.Aws] = Providers.Aws,
        [AuditPlatform.Azure] = Providers.Azure,
        [AuditPlatform.Gcp] = Providers.Gcp,
        [AuditPlatform.Cisco] = Providers.Cisco,
    };

    public static string Of(AuditPlatform platform) => Table[platform];

    /// <summary>The scope an event belongs to: its account and region (<see cref="Scope.Global"/> when the log names none).</summary>
    public static Scope ScopeOf(AuditEvent e) =>
        new(Of(e.Platform), e.Scope ?? "unknown", string.IsNullOrEmpty(e.Region) ? Scope.Global : e.Region);
}
