using Azure;
using Azure.Core;
using Azure.ResourceManager;
using PostureScan.Azure.Wire;

namespace PostureScan.Azure;

/// <summary>
/// Reads single resources by id as <see cref="Azure.ResourceManager.Resources.GenericResource"/>s, with the
/// api-version set in the client options. A resource that is gone, or that lives in a subscription the
/// scanner may not read, is recorded as unresolved; any other failure fails the scope.
/// </summary>
internal sealed class ResourceReader(ArmClient arm, string subscriptionId)
{
    public async Task<Resolved> GetAsync(ResourceIdentifier id, CancellationToken ct)
    {
        try
        {
            var response = await arm.GetGenericResource(id).GetAsync(ct);
            return new Resolved(ArmDocument.Parse(response.GetRawResponse().Content.ToString()), null);
        }
        catch (RequestFailedException e) when (e.Status == 404 || (e.Status is 401 or 403 && !InScope(id)))
        {
            // In the scope's own subscription a 403 means the role lacks a read permission: that fails
            // the scope (below), so a missing permission is never mistaken for a foreign destination.
            return new Resolved(null, e.ErrorCode is { Length: > 0 } code ? code : $"HTTP {e.Status}");
        }
    }

    private bool InScope(ResourceIdentifier id) => string.Equals(id.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase);
}
