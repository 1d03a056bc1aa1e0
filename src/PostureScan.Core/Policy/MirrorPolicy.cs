using System.Net;

namespace PostureScan.Core.Policy;

/// <summary>
/// A validated policy (the policy file, parsed): what the organisation sanctions (collectors, principals, source networks), what
/// needs stricter rules (sensitive sources), what must be mirrored (coverage), the accepted exceptions,
/// and per-check settings. Built only by <see cref="PolicyLoader"/>, so every value here is valid.
/// </summary>
/// <param name="Source">The file (or name) the policy was read from, for messages.</param>
/// <param name="EstateAccounts">Accounts, subscriptions and projects that belong to the organisation besides the scanned ones.</param>
/// <param name="ErspanNetworks">Networks ERSPAN sessions may send their GRE copies to; null when the policy does not say (the collectors' CIDRs then).</param>
public sealed record MirrorPolicy(
    string Source,
    int Version,
    IReadOnlyList<string> EstateAccounts,
    IReadOnlyList<Collector> Collectors,
    IReadOnlyList<PrincipalPattern> Principals,
    IReadOnlyList<IPNetwork> SourceNetworks,
    IReadOnlyList<SensitiveSource> Sensitive,
    IReadOnlyList<CoverageRule> Coverage,
    IReadOnlyList<Exemption> Exceptions,
    IReadOnlyDictionary<string, CheckOptions> Checks,
    IReadOnlyList<IPNetwork>? ErspanNetworks = null)
{
    /// <summary>Where ERSPAN copies may go: the policy's <c>erspanNetworks</c>, else every collector's CIDRs.</summary>
    public IReadOnlyList<IPNetwork> SanctionedErspanNetworks =>
        ErspanNetworks ?? [.. Collectors.SelectMany(c => c.Cidrs)];

    /// <summary>The options for a check, or the defaults (enabled, default severity, default settings).</summary>
    public CheckOptions OptionsFor(string checkId) => Checks.GetValueOrDefault(checkId) ?? CheckOptions.Default;

    /// <summary>The first collector a session's destination matches, or null.</summary>
    public Collector? CollectorFor(Inventory.MirrorSession session) => Collectors.FirstOrDefault(c => c.Matches(session));

    /// <summary>True when <paramref name="actor"/> matches one of the allowed principals.</summary>
    public bool IsAllowedPrincipal(string? actor) => actor is not null && Principals.Any(p => p.Matches(actor));
}
