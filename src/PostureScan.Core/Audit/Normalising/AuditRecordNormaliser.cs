using System.Globalization;
using System.Text.Json;
using PostureScan.Core.Serialization;

namespace PostureScan.Core.Audit.Normalising;

/// <summary>
/// Turns one parsed audit record into an <see cref="AuditEvent"/>, driven by the tables of
/// <see cref="CoalesceChains"/> and <see cref="PlatformProfiles"/>. A record it cannot use yields
/// an error message, never an exception.
/// </summary>
internal static class AuditRecordNormaliser
{
    /// <summary>Records larger than this keep no raw copy, so a few huge matches cannot exhaust memory.</summary>
    public const int MaxRawBytes = 64 * 1024;

    private static readonly JsonDocumentOptions InnerOptions = new() { MaxDepth = 64 };

    public static AuditEvent? Normalise(JsonElement record, ReadOnlySpan<byte> raw, AuditInput input, bool keepRaw, out string? error)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            error = "record is not a JSON object";
            return null;
        }

        // A LookupEvents page holds each CloudTrail record as a JSON string.
        if (TolerantJson.TryGetProperty(record, "CloudTrailEvent", out var inner))
        {
            return NormaliseLookupEvent(inner, input, keepRaw, out error);
        }

        var profile = PlatformProfiles.ByShape.FirstOrDefault(s => TolerantJson.TryGetProperty(record, s.Field, out _)).Profile;
        if (profile is null)
        {
            error = "record of no known audit-log shape";
            return null;
        }

        var name = JsonFields.Coalesce(record, CoalesceChains.EventName);
        if (name is null)
        {
            error = "record has no event name";
            return null;
        }

        var timeText = JsonFields.Coalesce(record, profile.Time);
        if (!TryParseTime(timeText, out var time))
        {
            error = timeText is null ? "record has no time" : "record time is not a date";
            return null;
        }

        var failed = IsFailure(record, profile);
        var resourceIds = ResourceIds(record, profile, name);
        error = null;
        return new AuditEvent(
            time,
            profile.Platform,
            name,
            JsonFields.Coalesce(record, CoalesceChains.Actor) ?? AuditEvent.Unknown,
            JsonFields.Coalesce(record, CoalesceChains.SourceIp) ?? AuditEvent.Unknown,
            ActionOf(record, profile, name),
            failed ? AuditOutcome.Failure : AuditOutcome.Success,
            failed ? ErrorCode(record, profile) : null,
            failed ? JsonFields.Coalesce(record, profile.ErrorMessage) : null,
            JsonFields.Coalesce(record, profile.Scope) ?? SegmentAfter(resourceIds, profile.ScopeSegment) ?? LogNameScope(record, profile),
            JsonFields.Coalesce(record, profile.Region) ?? RegionFrom(resourceIds, profile),
            resourceIds,
            JsonFields.Coalesce(record, profile.EventId),
            JsonFields.Coalesce(record, profile.UserAgent),
            JsonFields.Coalesce(record, profile.Service) ?? ServiceFromName(name, profile),
            JsonFields.Coalesce(record, profile.OperationId),
            input,
            keepRaw && raw.Length <= MaxRawBytes ? System.Text.Encoding.UTF8.GetString(raw) : null);
    }

    private static AuditEvent? NormaliseLookupEvent(JsonElement inner, AuditInput input, bool keepRaw, out string? error)
    {
        if (inner.ValueKind != JsonValueKind.String)
        {
            error = "CloudTrailEvent is not a string";
            return null;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(TolerantJson.StringOf(inner)!);
        try
        {
            using var document = JsonDocument.Parse(bytes, InnerOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object && TolerantJson.TryGetProperty(document.RootElement, "CloudTrailEvent", out _))
            {
                error = "CloudTrailEvent nests another CloudTrailEvent";
                return null;
            }

            return Normalise(document.RootElement, bytes, input, keepRaw, out error);
        }
        catch (JsonException e)
        {
            error = $"CloudTrailEvent is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            time = time.ToUniversalTime();
            return true;
        }

        time = default;
        return false;
    }

    private static bool IsFailure(JsonElement record, PlatformProfile profile)
    {
        var status = JsonFields.Coalesce(record, profile.Status);
        return profile.FailureTest switch
        {
            FailureTest.Present => status is not null,
            FailureTest.OneOf => status is not null && profile.FailureValues.Contains(status),
            _ => status is not null && status != "0",
        };
    }

    private static string? ErrorCode(JsonElement record, PlatformProfile profile)
    {
        var code = JsonFields.Coalesce(record, profile.ErrorCode);
        return code is not null && profile.FailureTest == FailureTest.NonZero ? GrpcStatusNames.Describe(code) : code;
    }

    private static AuditAction ActionOf(JsonElement record, PlatformProfile profile, string name)
    {
        var action = VerbActions.Of(name, profile.VerbStyle);
        if (action == AuditAction.Modify && profile.CreatedMarkers.Any(path =>
                JsonFields.Text(record, path) is { } marker && marker.Contains("Created", StringComparison.OrdinalIgnoreCase)))
        {
            // Azure logs create and update as one "write"; the HTTP 201 Created tells them apart.
            return AuditAction.Create;
        }

        return action;
    }

    private static List<string> ResourceIds(JsonElement record, PlatformProfile profile, string name)
    {
        var ids = new List<string>();
        var paths = (profile.Platform == AuditPlatform.Aws ? AwsResourceIdPaths.For(name) : null) ?? [.. profile.ResourceIds];
        foreach (var path in paths)
        {
            JsonFields.CollectAll(record, path, 0, ids);
            if (ids.Count > 0 && profile.Platform == AuditPlatform.Azure)
            {
                break; // Azure names one resource three ways; the first is enough.
            }
        }

        return ids;
    }

    private static string? SegmentAfter(IEnumerable<string> ids, string? segment)
    {
        if (segment is null)
        {
            return null;
        }

        foreach (var id in ids)
        {
            var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var index = Array.FindIndex(parts, p => p.Equals(segment, StringComparison.OrdinalIgnoreCase));
            if (index >= 0 && index + 1 < parts.Length)
            {
                return parts[index + 1];
            }
        }

        return null;
    }

    private static string? RegionFrom(IEnumerable<string> ids, PlatformProfile profile) =>
        profile.RegionSegments.Select(segment => SegmentAfter(ids, segment)).FirstOrDefault(region => region is not null);

    private static string? LogNameScope(JsonElement record, PlatformProfile profile) =>
        JsonFields.Text(record, ["logName"]) is { } logName ? SegmentAfter([logName], profile.ScopeSegment) : null;

    private static string? ServiceFromName(string name, PlatformProfile profile) =>
        profile.VerbStyle == VerbStyle.LastSlashSegment && name.IndexOf('/') is > 0 and var slash ? name[..slash] : null;
}
