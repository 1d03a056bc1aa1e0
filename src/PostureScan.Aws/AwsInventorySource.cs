using System.Collections.Concurrent;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using Scope = PostureScan.Core.Inventory.Scope;

namespace PostureScan.Aws;

/// <summary>
/// AWS traffic mirroring inventory across accounts (base credentials or an assumed role each) and
/// regions (configured, or every enabled region).
/// </summary>
public sealed class AwsInventorySource : IInventorySource, IStreamingDiscovery, ICandidateLister, IDisposable
{
    private readonly AwsOptions options;
    private readonly TimeProvider time;
    private readonly AwsClientFactory clients;
    private readonly AccountCredentials credentials;

    /// <exception cref="ArgumentException">A setting is out of its range: refused at start rather than quietly changed.</exception>
    public AwsInventorySource(AwsOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PageSize is < 5 or > 1000)
        {
            throw new ArgumentException($"Aws:PageSize {options.PageSize} must be between 5 and 1000 (MaxResults of the Describe calls)", nameof(options));
        }

        if (!options.RetryMode.Equals("standard", StringComparison.OrdinalIgnoreCase) && !options.RetryMode.Equals("adaptive", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Aws:RetryMode '{options.RetryMode}' is neither standard nor adaptive", nameof(options));
        }

        this.options = options;
        this.time = time;
        clients = new AwsClientFactory(options);
        credentials = new AccountCredentials(options, clients, time);
    }

    public string Provider => Providers.Aws;

    public Task<ScopeDiscovery> DiscoverAsync(CancellationToken cancellationToken) =>
        DiscoverAsync((_, _) => ValueTask.CompletedTask, cancellationToken);

    /// <summary>Hands over each account's regions as soon as they are listed, so their collection starts at once.</summary>
    public async Task<ScopeDiscovery> DiscoverAsync(Func<IReadOnlyList<Scope>, CancellationToken, ValueTask> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        var scopes = new ConcurrentBag<Scope>();
        var failures = new ConcurrentBag<ScopeResult>();
        var accounts = options.Accounts.Count > 0 ? options.Accounts : [await CallerAccountAsync(cancellationToken)];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken };

        await Parallel.ForEachAsync(accounts, parallel, async (account, ct) =>
        {
            var started = time.GetTimestamp();
            var counter = new CallCounter();
            List<Scope> accountScopes;
            try
            {
                var accountCredentials = await credentials.ForAsync(account);
                var regions = options.Regions.Count > 0 ? options.Regions : await EnabledRegionsAsync(accountCredentials, counter, ct);
                accountScopes = [.. regions.Select(region => new Scope(Providers.Aws, account.Id, region))];
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var (kind, message) = AwsErrors.Classify(ex);
                var scope = new Scope(Providers.Aws, account.Id, "*");
                failures.Add(ScopeResult.Failed(scope, kind, message, counter.Count, time.GetElapsedTime(started)));
                return;
            }

            foreach (var scope in accountScopes)
            {
                scopes.Add(scope);
            }

            await found(accountScopes, ct);
        });

        return new ScopeDiscovery(
            [.. scopes.OrderBy(s => s.Key, StringComparer.Ordinal)],
            [.. failures.OrderBy(f => f.Scope.Key, StringComparer.Ordinal)]);
    }

    public async Task<ScopeInventory> CollectAsync(Scope scope, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var counter = new CallCounter();
        try
        {
            var accountCredentials = await credentials.ForAsync(credentials.Account(scope.Account));
            using var ec2 = clients.CreateEc2(accountCredentials, scope.Region, counter);
            var sessions = await new Ec2MirrorCollector(ec2, options.PageSize).CollectAsync(scope, cancellationToken);
            return new ScopeInventory(ScopeResult.Ok(scope, counter.Count, time.GetElapsedTime(started)), sessions);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (kind, message) = AwsErrors.Classify(ex);
            return ScopeInventory.Failed(ScopeResult.Failed(scope, kind, message, counter.Count, time.GetElapsedTime(started)));
        }
    }

    public async Task<CandidateListing> ListCandidatesAsync(IReadOnlyList<CandidateQuery> queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var sources = new ConcurrentBag<Core.Findings.CandidateSource>();
        var results = new ConcurrentBag<ScopeResult>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(queries, parallel, async (query, ct) =>
        {
            var started = time.GetTimestamp();
            var counter = new CallCounter();
            try
            {
                var accountCredentials = await credentials.ForAsync(credentials.Account(query.Scope.Account));
                using var ec2 = clients.CreateEc2(accountCredentials, query.Scope.Region, counter);
                foreach (var candidate in await new Ec2CandidateLister(ec2, options.PageSize).ListAsync(query, ct))
                {
                    sources.Add(candidate);
                }

                results.Add(ScopeResult.Ok(query.Scope, counter.Count, time.GetElapsedTime(started)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var (kind, message) = AwsErrors.Classify(ex);
                results.Add(ScopeResult.Failed(query.Scope, kind, message, counter.Count, time.GetElapsedTime(started)));
            }
        });

        return new CandidateListing(
            [.. sources.OrderBy(s => s.Scope.Key, StringComparer.Ordinal).ThenBy(s => s.Source.Id, StringComparer.Ordinal)],
            [.. results.OrderBy(r => r.Scope.Key, StringComparer.Ordinal)]);
    }

    private async Task<AwsAccountOptions> CallerAccountAsync(CancellationToken ct)
    {
        using var sts = clients.CreateSts(credentials.Base);
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct);
        return new AwsAccountOptions { Id = identity.Account };
    }

    private async Task<IReadOnlyList<string>> EnabledRegionsAsync(AWSCredentials accountCredentials, CallCounter counter, CancellationToken ct)
    {
        using var ec2 = clients.CreateEc2(accountCredentials, options.HomeRegion, counter);
        var response = await ec2.DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = false }, ct);
        return [.. (response.Regions ?? []).Where(r => r.OptInStatus is null or "opt-in-not-required" or "opted-in")
            .Select(r => r.RegionName).Order(StringComparer.Ordinal)];
    }

    public void Dispose() => clients.Dispose();
}
