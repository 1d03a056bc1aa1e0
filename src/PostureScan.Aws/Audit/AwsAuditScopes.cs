using PostureScan.Core.Audit;
using PostureScan.Core.Inventory;
using PostureScan.Core.Audit.Live;

namespace PostureScan.Aws.Audit;

/// <summary>
/// The account and region scopes an AWS audit source reads: those of the request (a region of "*" or
/// "global" stands for every enabled region of the account), or else the configured accounts and regions,
/// with the inventory's discovery filling in what is not configured.
/// </summary>
internal static class AwsAuditScopes
{
    /// <summary>
    /// The opening every CloudTrail source shares: resolve the scopes, read each with <paramref name="readScope"/>
    /// from its checkpoint (or the source's <paramref name="retention"/>) to <paramref name="deliveryLag"/> ago, at
    /// most <see cref="AwsOptions.MaxConcurrency"/> at a time, and report the scopes that could not be resolved first.
    /// </summary>
    public static async Task<AuditSourceResult> ReadEachAsync(
        AwsOptions options,
        AuditReadRequest request,
        TimeProvider time,
        TimeSpan retention,
        TimeSpan deliveryLag,
        Func<ScopeReading, CancellationToken, Task> readScope,
        Action<AuditEvent> onEvent,
        CancellationToken cancellationToken)
    {
        var (scopes, failures) = await ResolveAsync(options, request, time, cancellationToken);
        var plan = new LiveReadPlan(retention, deliveryLag, options.MaxConcurrency);
        var result = await LiveScopeReads.ReadAsync(scopes, request, plan, readScope, AuditErrors.Classify, onEvent, cancellationToken);
        return result with { Scopes = [.. failures, .. result.Scopes] };
    }

    public static async Task<(IReadOnlyList<Scope> Scopes, IReadOnlyList<AuditScopeRead> Failures)> ResolveAsync(
        AwsOptions options, AuditReadRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        var requested = request.Scopes.Where(s => s.Provider == Providers.Aws).ToList();
        var named = requested.Where(s => !IsAnyRegion(s.Region)).ToList();
        var open = requested.Where(s => IsAnyRegion(s.Region)).Select(s => s.Account).Distinct(StringComparer.Ordinal).ToList();
        if (requested.Count > 0 && open.Count == 0)
        {
            return ([.. named.Distinct()], []);
        }

        var discoverWith = requested.Count == 0 ? options : WithAccounts(options, open);
        using var inventory = new AwsInventorySource(discoverWith, time);
        try
        {
            var discovery = await inventory.DiscoverAsync(cancellationToken);
            return ([.. named.Concat(discovery.Scopes).Distinct().OrderBy(s => s.Key, StringComparer.Ordinal)], AuditFailures.FromDiscovery(discovery.Failures));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The credentials' own account could not be asked for (GetCallerIdentity): nothing to read but what was named.
            return (named, [new AuditScopeRead(new Scope(Providers.Aws, "*", "*"), null, 0, 0, 0, AuditErrors.Classify(e))]);
        }
    }

    private static bool IsAnyRegion(string region) => region is "*" or Scope.Global or "";

    /// <summary>The options with these accounts instead of the configured ones (their configured roles kept).</summary>
    private static AwsOptions WithAccounts(AwsOptions options, IReadOnlyList<string> accounts) => new()
    {
        Accounts = [.. accounts.Select(id => options.Accounts.FirstOrDefault(a => a.Id == id) ?? new AwsAccountOptions { Id = id })],
        Regions = options.Regions,
        ServiceUrl = options.ServiceUrl,
        AccessKeyId = options.AccessKeyId,
        SecretAccessKey = options.SecretAccessKey,
        SessionToken = options.SessionToken,
        HomeRegion = options.HomeRegion,
        MaxConcurrency = options.MaxConcurrency,
        MaxRetries = options.MaxRetries,
        RetryMode = options.RetryMode,
        PageSize = options.PageSize,
        TimeoutSeconds = options.TimeoutSeconds,
    };
}
