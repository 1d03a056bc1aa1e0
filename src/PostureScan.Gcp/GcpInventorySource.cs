using System.Collections.Concurrent;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Gcp.Compute;
using PostureScan.Gcp.Rest;

namespace PostureScan.Gcp;

/// <summary>
/// GCP packet mirroring inventory across projects (configured, or every active project visible
/// through Cloud Resource Manager). Discovery lists each project once with the aggregated list and
/// splits it into one scope per region Compute reports, empty regions included; collecting a scope
/// resolves the subnetworks, instances and collector forwarding rules its policies name.
/// </summary>
public sealed class GcpInventorySource : IInventorySource, ICandidateLister, IDisposable
{
    private readonly GcpOptions options;
    private readonly TimeProvider time;
    private readonly GcpRestClient client;
    private readonly PacketMirroringLister lister;
    private readonly ProjectLister projects;
    private readonly RegionCollector regions;
    private readonly InstanceCandidateLister instances;

    // The listings of the latest discovery; a scope collected without one lists its project itself.
    private ConcurrentDictionary<string, ProjectListing> listings = new(StringComparer.Ordinal);

    public GcpInventorySource(GcpOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PageSize is < 1 or > 500)
        {
            // Refused at start rather than quietly changed: 500 is the most the aggregated list returns a page.
            throw new ArgumentException($"Gcp:PageSize {options.PageSize} must be between 1 and 500 (maxResults of the aggregated list)", nameof(options));
        }

        this.options = options;
        this.time = time;
        client = new GcpRestClient(options, new GoogleAccess(options), time);
        var compute = Endpoint(options.ComputeEndpoint, nameof(options.ComputeEndpoint));
        lister = new PacketMirroringLister(client, compute, options.PageSize);
        projects = new ProjectLister(client, Endpoint(options.ResourceManagerEndpoint, nameof(options.ResourceManagerEndpoint)), options.PageSize);
        regions = new RegionCollector(client, compute);
        instances = new InstanceCandidateLister(client, compute, options.PageSize);
    }

    public string Provider => Providers.Gcp;

    public async Task<ScopeDiscovery> DiscoverAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var counter = new CallCounter();
        IReadOnlyList<string> projectIds;
        try
        {
            projectIds = options.Projects.Count > 0
                ? [.. options.Projects.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)]
                : await projects.ListAsync(counter, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (kind, message) = GcpErrors.Classify(ex);
            var everything = new Scope(Providers.Gcp, "*", "*");
            return new ScopeDiscovery([], [ScopeResult.Failed(everything, kind, message, counter.Count, time.GetElapsedTime(started))]);
        }

        var found = new ConcurrentDictionary<string, ProjectListing>(StringComparer.Ordinal);
        var scopes = new ConcurrentBag<Scope>();
        var failures = new ConcurrentBag<ScopeResult>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(projectIds, parallel, async (project, ct) =>
        {
            var projectStarted = time.GetTimestamp();
            try
            {
                var listing = await lister.ListAsync(project, ct);
                found[project] = listing;
                foreach (var region in listing.Regions.Keys)
                {
                    scopes.Add(new Scope(Providers.Gcp, project, region));
                }

                foreach (var region in listing.Unreachable)
                {
                    failures.Add(Unreachable(new Scope(Providers.Gcp, project, region), TimeSpan.Zero));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One listing serves every region of the project, so its failure is the project's.
                var (kind, message) = GcpErrors.Classify(ex);
                failures.Add(ScopeResult.Failed(new Scope(Providers.Gcp, project, "*"), kind, message, 0, time.GetElapsedTime(projectStarted)));
            }
        });

        listings = found;
        return new ScopeDiscovery(
            [.. scopes.OrderBy(s => s.Key, StringComparer.Ordinal)],
            [.. failures.OrderBy(f => f.Scope.Key, StringComparer.Ordinal)]);
    }

    public async Task<ScopeInventory> CollectAsync(Scope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var started = time.GetTimestamp();
        var counter = new CallCounter();
        try
        {
            var listing = listings.TryGetValue(scope.Account, out var known) ? known : await lister.ListAsync(scope.Account, cancellationToken);
            counter.Add(listing.ClaimCalls());
            if (listing.Unreachable.Contains(scope.Region))
            {
                return ScopeInventory.Failed(Unreachable(scope, time.GetElapsedTime(started)) with { ApiCalls = counter.Count });
            }

            var policies = listing.Regions.GetValueOrDefault(scope.Region) ?? [];
            var sessions = await regions.CollectAsync(scope, policies, counter, cancellationToken);
            return new ScopeInventory(ScopeResult.Ok(scope, counter.Count, time.GetElapsedTime(started)), sessions);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (kind, message) = GcpErrors.Classify(ex);
            return ScopeInventory.Failed(ScopeResult.Failed(scope, kind, message, counter.Count, time.GetElapsedTime(started)));
        }
    }

    /// <summary>One aggregated instance listing per project serves all of its queried regions.</summary>
    public async Task<CandidateListing> ListCandidatesAsync(IReadOnlyList<CandidateQuery> queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var sources = new ConcurrentBag<CandidateSource>();
        var results = new ConcurrentBag<ScopeResult>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(queries.GroupBy(q => q.Scope.Account, StringComparer.Ordinal), parallel, async (project, ct) =>
        {
            var started = time.GetTimestamp();
            var counter = new CallCounter();
            var scopes = project.Select(q => q.Scope).ToList();
            try
            {
                var (byRegion, unreachable) = await instances.ListAsync(project.Key, counter, ct);
                foreach (var scope in scopes)
                {
                    // The project's calls are counted once, on its first scope.
                    var calls = scope == scopes[0] ? counter.Count : 0;
                    if (unreachable.Contains(scope.Region))
                    {
                        results.Add(Unreachable(scope, time.GetElapsedTime(started)) with { ApiCalls = calls });
                        continue;
                    }

                    foreach (var instance in byRegion[scope.Region])
                    {
                        sources.Add(new CandidateSource(scope, InstanceCandidateLister.ToCandidate(instance), InstanceCandidateLister.Via(instance)));
                    }

                    results.Add(ScopeResult.Ok(scope, calls, time.GetElapsedTime(started)));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var (kind, message) = GcpErrors.Classify(ex);
                foreach (var scope in scopes)
                {
                    results.Add(ScopeResult.Failed(scope, kind, message, scope == scopes[0] ? counter.Count : 0, time.GetElapsedTime(started)));
                }
            }
        });

        return new CandidateListing(
            [.. sources.OrderBy(s => s.Scope.Key, StringComparer.Ordinal).ThenBy(s => s.Source.Id, StringComparer.Ordinal)],
            [.. results.OrderBy(r => r.Scope.Key, StringComparer.Ordinal)]);
    }

    public void Dispose() => client.Dispose();

    private static ScopeResult Unreachable(Scope scope, TimeSpan duration) => ScopeResult.Failed(
        scope, ScopeErrorKind.Unreachable, "Compute listed the region as unreachable (aggregated list, returnPartialSuccess)", 0, duration);

    private static Uri Endpoint(string value, string name)
    {
        // A base address must end in '/', or the last path segment would be replaced by the relative one.
        var text = value.EndsWith('/') ? value : value + "/";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new ArgumentException($"Gcp:{name} '{value}' is not an http(s) address", nameof(value));
    }
}
