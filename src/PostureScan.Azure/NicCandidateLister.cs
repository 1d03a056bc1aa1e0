using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Text;

namespace PostureScan.Azure;

/// <summary>
/// Lists every network interface of a subscription through the SDK's generic resource listing
/// (<c>$filter=resourceType eq 'Microsoft.Network/networkInterfaces'</c>, paged): id, name and tags,
/// which is what coverage rules select by. ARM cannot filter by type and tag at once, so the coverage
/// check applies the tag selectors. Only GETs are made.
/// </summary>
internal sealed class NicCandidateLister(ArmClient arm)
{
    private const string Filter = "resourceType eq 'Microsoft.Network/networkInterfaces'";
    private const int MaxName = 256;
    private const int MaxTags = 50;

    public async Task<IReadOnlyList<CandidateSource>> ListAsync(Scope scope, CancellationToken ct)
    {
        var subscription = arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(scope.Account));
        var found = new List<CandidateSource>();
        await foreach (var resource in subscription.GetGenericResourcesAsync(filter: Filter, cancellationToken: ct))
        {
            var data = resource.Data;
            var tags = (data.Tags ?? new Dictionary<string, string>()).Take(MaxTags)
                .ToDictionary(t => Bound(t.Key), t => Bound(t.Value ?? ""), StringComparer.Ordinal);
            found.Add(new CandidateSource(scope, new MirroredSource(
                Kind: "network-interface",
                Id: data.Id.ToString(),
                Name: data.Name is { } name ? Bound(name) : null,
                Instance: null,
                Network: null,
                Addresses: [],
                Direction: TrafficDirection.Both,
                Tags: tags)));
        }

        return found;
    }

    private static string Bound(string text) => BoundedText.Clip(text, MaxName);
}
