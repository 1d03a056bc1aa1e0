using PostureScan.Emulator.Arm;

namespace PostureScan.Emulator.ActivityLog;

/// <summary>ActivityLogs_List: the subscription's management events in the $filter's time range, newest first, paged by nextLink.</summary>
internal static class ActivityLogOperations
{
    public const string Path = "subscriptions/{subscriptionId}/providers/Microsoft.Insights/eventtypes/management/values";

    public static ArmResult List(ArmRequest request)
    {
        var filterText = request.QueryValue("$filter");
        if (ActivityFilter.Parse(filterText) is not { } filter)
        {
            return ArmErrors.InvalidFilter(filterText ?? "");
        }

        var events = request.Index.ActivityLogs?.Query(request.RequiredSubscription.Id, filter) ?? [];
        var (page, next, error) = ArmPaging.Page(request, events, e => e.PageKey);
        if (error is not null)
        {
            return error;
        }

        return ArmResult.Ok(ArmJson.Document(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("value");
            foreach (var e in page)
            {
                w.WriteRawValue(e.Json, skipInputValidation: true);
            }

            w.WriteEndArray();
            w.Optional("nextLink", next);
            w.WriteEndObject();
        }));
    }
}
