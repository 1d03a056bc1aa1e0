using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;

namespace PostureScan.Core.Checks;

/// <summary>
/// What a check sees: the collected input, the policy, its own options, and lookups the checks share
/// (the estate's accounts, attributions by resource id, whether a scope's audit source was read).
/// </summary>
public sealed class CheckContext
{
    private readonly Dictionary<string, Attribution.Attribution> attributions;
    private readonly HashSet<string> estate;

    public CheckContext(EvaluationInput input, MirrorPolicy policy, CheckMetadata metadata, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(metadata);
        Input = input;
        Policy = policy;
        Metadata = metadata;
        Options = policy.OptionsFor(metadata.Id);
        Now = now;
        attributions = new Dictionary<string, Attribution.Attribution>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribution in input.Audit?.Attributions ?? [])
        {
            attributions.TryAdd(attribution.ResourceId, attribution);
        }

        // The estate: every scanned account (a failed scope is still ours) and the policy's extra accounts.
        estate = new HashSet<string>(
            input.Run.Scopes.Select(s => s.Scope.Account).Where(a => a != "*").Concat(policy.EstateAccounts),
            StringComparer.OrdinalIgnoreCase);
    }

    public EvaluationInput Input { get; }

    public MirrorPolicy Policy { get; }

    public CheckMetadata Metadata { get; }

    public CheckOptions Options { get; }

    public DateTimeOffset Now { get; }

    public IReadOnlyList<MirrorSession> Sessions => Input.Run.Sessions;

    public bool InEstate(string account) => estate.Contains(account);

    public Attribution.Attribution? AttributionOf(string? resourceId) =>
        resourceId is not null && attributions.TryGetValue(resourceId, out var a) ? a : null;

    /// <summary>The audit failure for a scope, or null when its audit source was read.</summary>
    public string? AuditFailure(Scope scope)
    {
        if (Input.Audit is null)
        {
            return "no audit source was read";
        }

        var statuses = Input.Audit.Scopes.Where(s => s.Covers(scope)).ToList();
        return statuses.FirstOrDefault(s => !s.Available) is { } failed
            ? $"the audit source of {failed.Scope.Key} failed: {failed.Error ?? "unknown error"}"
            : statuses.Count == 0 ? $"no audit source covers {scope.Key}" : null;
    }

    /// <summary>Why the candidate sources of a scope could not be listed, or null when they were (or were not asked for).</summary>
    public string? CandidateFailure(Scope scope) =>
        (Input.CandidateScopes ?? []).FirstOrDefault(s => s.Status == Scanning.ScopeStatus.Failed && s.Scope == scope) is { } failed
            ? $"the candidate sources of {failed.Scope.Key} could not be listed: {failed.Error ?? failed.ErrorKind?.ToString() ?? "unknown error"}"
            : null;

    public long Number(string name) => Setting(name) is long value ? value : throw Unknown(name);

    public bool Flag(string name) => Setting(name) is bool value ? value : throw Unknown(name);

    private object? Setting(string name) =>
        Options.Settings.TryGetValue(name, out var value) ? value : Metadata.Settings.FirstOrDefault(s => s.Name == name)?.Default;

    private InvalidOperationException Unknown(string name) =>
        new($"Check {Metadata.Id} reads setting '{name}', which its metadata does not declare with that type.");
}
