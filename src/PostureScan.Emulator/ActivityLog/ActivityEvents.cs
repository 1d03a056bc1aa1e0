using System.Globalization;
using System.Text;
using System.Text.Json;
using PostureScan.Emulator.Arm;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.ActivityLog;

/// <summary>
/// Renders a world event as the Activity Log REST shape (api-version 2015-04-01): a write or delete as a
/// BeginRequest/Started and an EndRequest/Succeeded or Failed pair sharing correlation and operation ids,
/// with the caller, its claims, httpRequest.clientIpAddress and the <c>id</c> ARM builds from the ticks.
/// </summary>
internal static class ActivityEvents
{
    private const string Network = "Microsoft.Network";

    /// <summary>The ingestion delay of a record that names none: the Activity Log shows an event a minute or more after it.</summary>
    private const int UsualDelaySeconds = 68;

    /// <summary>The HTTP method of an operation by its last segment.</summary>
    private static readonly Dictionary<string, string> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["write"] = "PUT",
        ["delete"] = "DELETE",
        ["action"] = "POST",
        ["read"] = "GET",
    };

    /// <summary>The HTTP status behind a subStatus, as the localized value spells it.</summary>
    private static readonly Dictionary<string, int> HttpStatuses = new(StringComparer.Ordinal)
    {
        ["OK"] = 200,
        ["Created"] = 201,
        ["Accepted"] = 202,
        ["BadRequest"] = 400,
        ["Forbidden"] = 403,
        ["NotFound"] = 404,
        ["Conflict"] = 409,
    };

    /// <param name="creates">The write created the resource: its EndRequest says 201 Created rather than 200 OK.</param>
    public static IEnumerable<ActivityEvent> Render(AuditRecord record, string subscription, string tenant, int index, bool creates = false)
    {
        var operation = record.Name;
        var type = operation.Contains('/', StringComparison.Ordinal) ? operation[..operation.LastIndexOf('/')] : Network;
        var resourceId = record.ResourceId ?? $"/subscriptions/{subscription}/resourceGroups/rg-default/providers/{type}/resource-{index}";
        var group = Segment(resourceId, "resourceGroups") ?? "";
        var provider = record.Service ?? (type.Contains('/', StringComparison.Ordinal) ? type[..type.IndexOf('/', StringComparison.Ordinal)] : type);
        var correlation = ArmIds.StableGuid($"correlation/{subscription}/{index}/{record.Time.UtcTicks}").ToString();
        var failed = record.ErrorCode is not null;
        var end = new Phase("EndRequest", "End request", failed ? "Failed" : "Succeeded", record.ErrorCode ?? (creates ? "Created" : "OK"), record.Time);
        var phases = operation.EndsWith("/read", StringComparison.OrdinalIgnoreCase)
            ? new[] { end }
            : [new Phase("BeginRequest", "Begin request", "Started", "", record.Time.AddSeconds(-2)), end];
        foreach (var phase in phases)
        {
            var eventId = record.Id is { } id && phase == end ? id : ArmIds.StableGuid($"{correlation}/{phase.Name}").ToString();
            var json = record.Raw ?? Write(record, phase, subscription, tenant, resourceId, group, provider, correlation, eventId);
            var key = (long.MaxValue - phase.Time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + eventId;
            yield return new ActivityEvent(phase.Time, key, resourceId, group, provider, correlation, json, Submitted(record, phase.Time));
        }
    }

    private static string Write(
        AuditRecord record, Phase phase, string subscription, string tenant, string resourceId, string group, string provider, string correlation, string eventId) =>
        ArmJson.Document(w =>
        {
            var operation = record.Name;
            w.WriteStartObject();
            w.WriteStartObject("authorization");
            w.WriteString("action", operation);
            w.WriteString("scope", resourceId);
            w.WriteEndObject();
            w.WriteString("caller", record.Actor);
            w.WriteString("channels", "Operation");
            WriteClaims(w, record, tenant);
            w.WriteString("correlationId", correlation);
            w.WriteString("description", "");
            w.WriteString("eventDataId", eventId);
            Localized(w, "eventName", phase.Name, phase.Localized);
            Localized(w, "category", "Administrative", "Administrative");
            w.WriteString("eventTimestamp", Time(phase.Time));
            w.WriteStartObject("httpRequest");
            w.WriteString("clientRequestId", ArmIds.StableGuid("request/" + correlation).ToString());
            w.WriteString("clientIpAddress", record.SourceIp);
            w.WriteString("method", Methods.GetValueOrDefault(operation[(operation.LastIndexOf('/') + 1)..], "POST"));
            w.WriteEndObject();
            w.WriteString("id", $"{resourceId}/events/{eventId}/ticks/{phase.Time.UtcTicks}");
            w.WriteString("level", phase.Status == "Failed" ? "Error" : "Informational");
            w.WriteString("resourceGroupName", group);
            Localized(w, "resourceProviderName", provider, provider);
            w.WriteString("resourceId", resourceId);
            var type = operation.Contains('/', StringComparison.Ordinal) ? operation[..operation.LastIndexOf('/')] : provider;
            Localized(w, "resourceType", type, type);
            w.WriteString("operationId", ArmIds.StableGuid("operation/" + correlation).ToString());
            Localized(w, "operationName", operation, operation);
            w.WriteStartObject("properties");
            w.WriteString("eventCategory", "Administrative");
            w.WriteString("entity", resourceId);
            w.WriteString("message", operation);
            w.WriteString("hierarchy", $"{tenant}/{subscription}");
            if (phase.Name == "EndRequest")
            {
                w.WriteString("statusCode", phase.SubStatus);
            }

            if (phase.Status == "Failed")
            {
                w.WriteString("statusMessage", JsonSerializer.Serialize(new { error = new { code = record.ErrorCode, message = record.ErrorMessage ?? "The request failed." } }));
            }

            w.WriteEndObject();
            Localized(w, "status", phase.Status, phase.Status);
            Localized(w, "subStatus", phase.SubStatus, HttpStatuses.TryGetValue(phase.SubStatus, out var code) ? $"{phase.SubStatus} (HTTP Status Code: {code})" : phase.SubStatus);
            w.WriteString("submissionTimestamp", Time(Submitted(record, phase.Time)));
            w.WriteString("subscriptionId", subscription);
            w.WriteString("tenantId", tenant);
            w.WriteEndObject();
        });

    /// <summary>A user's UPN, or an application's object id with idtyp app, as Entra ID puts them in the token.</summary>
    private static void WriteClaims(Utf8JsonWriter w, AuditRecord record, string tenant)
    {
        w.WriteStartObject("claims");
        w.WriteString("aud", "https://management.core.windows.net/");
        w.WriteString("ipaddr", record.SourceIp);
        w.WriteString("http://schemas.microsoft.com/identity/claims/tenantid", tenant);
        if (record.Actor.Contains('@', StringComparison.Ordinal))
        {
            w.WriteString("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", record.Actor);
            w.WriteString("name", record.Actor);
        }
        else
        {
            w.WriteString("appid", record.Actor);
            w.WriteString("idtyp", "app");
            w.WriteString("http://schemas.microsoft.com/identity/claims/objectidentifier", record.Actor);
        }

        w.WriteEndObject();
    }

    private static DateTimeOffset Submitted(AuditRecord record, DateTimeOffset time) => time.AddSeconds(record.DelaySeconds ?? UsualDelaySeconds);

    private static void Localized(Utf8JsonWriter w, string name, string value, string localized)
    {
        w.WriteStartObject(name);
        w.WriteString("value", value);
        w.WriteString("localizedValue", localized);
        w.WriteEndObject();
    }

    /// <summary>.NET's round-trip format: seven fractional digits, as the Activity Log writes times.</summary>
    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string? Segment(string id, string name)
    {
        var parts = id.Split('/');
        var at = Array.FindIndex(parts, p => p.Equals(name, StringComparison.OrdinalIgnoreCase));
        return at >= 0 && at + 1 < parts.Length ? parts[at + 1] : null;
    }

    private sealed record Phase(string Name, string Localized, string Status, string SubStatus, DateTimeOffset Time);
}
