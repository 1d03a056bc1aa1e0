using System.Text.Json;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Arm;

/// <summary>Subscriptions_List and Subscriptions_Get: the subscriptions of the caller's tenant.</summary>
internal static class SubscriptionOperations
{
    public static ArmResult List(ArmRequest request)
    {
        var visible = request.Index.Subscriptions
            .Where(s => s.TenantId.Equals(request.Caller.TenantId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var (page, next, error) = ArmPaging.Page(request, visible, s => s.Id);
        if (error is not null)
        {
            return error;
        }

        return ArmResult.Ok(ArmJson.Document(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("value");
            foreach (var subscription in page)
            {
                Write(w, subscription);
            }

            w.WriteEndArray();
            w.Optional("nextLink", next);
            w.WriteStartObject("count");
            w.WriteString("type", "Total");
            w.WriteNumber("value", visible.Count);
            w.WriteEndObject();
            w.WriteEndObject();
        }));
    }

    public static ArmResult Get(ArmRequest request) => ArmResult.Ok(ArmJson.Document(w => Write(w, request.RequiredSubscription)));

    private static void Write(Utf8JsonWriter w, AzureSubscription subscription)
    {
        w.WriteStartObject();
        w.WriteString("id", ArmIds.Subscription(subscription.Id));
        w.WriteString("authorizationSource", "RoleBased");
        w.WriteStartArray("managedByTenants");
        w.WriteEndArray();
        w.WriteString("subscriptionId", subscription.Id);
        w.WriteString("tenantId", subscription.TenantId);
        w.WriteString("displayName", subscription.DisplayName ?? subscription.Id);
        w.WriteString("state", subscription.State);
        w.WriteStartObject("subscriptionPolicies");
        w.WriteString("locationPlacementId", "Public_2014-09-01");
        w.WriteString("quotaId", "PayAsYouGo_2014-09-01");
        w.WriteString("spendingLimit", "Off");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
