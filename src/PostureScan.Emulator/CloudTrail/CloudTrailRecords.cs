using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.CloudTrail;

/// <summary>
/// Renders a world event as the CloudTrail record AWS writes (eventVersion 1.10): the identity from the
/// actor's ARN, EC2's request and response wrappers naming the resource, errorCode for a failed call.
/// </summary>
internal static class CloudTrailRecords
{
    public const string DefaultSource = "ec2.amazonaws.com";

    /// <summary>The resource kinds of the traffic-mirroring calls, most specific first (FilterRule before Filter).</summary>
    private static readonly (string Fragment, string Kind)[] MirrorKinds =
    [
        ("FilterRule", "trafficMirrorFilterRule"),
        ("Filter", "trafficMirrorFilter"),
        ("Target", "trafficMirrorTarget"),
        ("Session", "trafficMirrorSession"),
    ];

    /// <summary>The request member (upper camel) that names a related resource, by the resource's id prefix.</summary>
    private static readonly (string Prefix, string Member)[] RelatedMembers =
    [
        ("tmf-", "TrafficMirrorFilterId"),
        ("tmt-", "TrafficMirrorTargetId"),
        ("eni-", "NetworkInterfaceId"),
    ];

    public static string EventId(AuditRecord record, string account, string region, int index) =>
        record.Id ?? DerivedGuid($"{account}/{region}/{index}/{record.Name}/{record.Time.UtcTicks}");

    public static bool IsReadOnly(string name) => ActionNames.IsRead(name);

    /// <summary>The user name LookupEvents shows: the IAM user, the role session, or root.</summary>
    public static string? UserName(string actor) => actor switch
    {
        _ when actor.EndsWith(":root", StringComparison.Ordinal) => "root",
        _ when actor.Contains(":user/", StringComparison.Ordinal) || actor.Contains(":assumed-role/", StringComparison.Ordinal) => actor[(actor.LastIndexOf('/') + 1)..],
        _ => null,
    };

    public static string Render(AuditRecord record, string account, string region, string eventId)
    {
        if (record.Raw is { } raw)
        {
            return raw;
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("eventVersion", "1.10");
            WriteIdentity(w, record.Actor, account);
            w.WriteString("eventTime", record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("eventSource", record.Service ?? DefaultSource);
            w.WriteString("eventName", record.Name);
            w.WriteString("awsRegion", region);
            w.WriteString("sourceIPAddress", record.SourceIp);
            w.WriteString("userAgent", "aws-cli/2.17.60 md/awscrt#0.21.2 ua/2.0 os/linux#6.5.0 lang/python#3.12.6");
            if (record.ErrorCode is { } code)
            {
                w.WriteString("errorCode", code);
                w.WriteString("errorMessage", record.ErrorMessage ?? "The request failed.");
            }

            WriteParameters(w, record);
            w.WriteString("requestID", DerivedGuid("request/" + eventId));
            w.WriteString("eventID", eventId);
            w.WriteBoolean("readOnly", IsReadOnly(record.Name));
            w.WriteString("eventType", "AwsApiCall");
            w.WriteBoolean("managementEvent", true);
            w.WriteString("recipientAccountId", account);
            w.WriteString("eventCategory", "Management");
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteIdentity(Utf8JsonWriter w, string actor, string account)
    {
        if (actor.Length == 0)
        {
            return;
        }

        w.WriteStartObject("userIdentity");
        if (!actor.StartsWith("arn:", StringComparison.Ordinal))
        {
            // A service acting on its own (autoscaling.amazonaws.com...).
            w.WriteString("type", "AWSService");
            w.WriteString("invokedBy", actor);
            w.WriteEndObject();
            return;
        }

        var user = UserName(actor);
        var type = user == "root" ? "Root" : actor.Contains(":assumed-role/", StringComparison.Ordinal) ? "AssumedRole" : "IAMUser";
        w.WriteString("type", type);
        w.WriteString("principalId", type == "Root" ? account : "AIDA" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(actor)))[..17]);
        w.WriteString("arn", actor);
        w.WriteString("accountId", account);
        if (type == "IAMUser" && user is not null)
        {
            w.WriteString("userName", user);
        }

        if (type == "AssumedRole" && IssuerOf(actor) is { } issuer)
        {
            // The role behind the session, as CloudTrail names it for every assumed-role call.
            w.WriteStartObject("sessionContext");
            w.WriteStartObject("sessionIssuer");
            w.WriteString("type", "Role");
            w.WriteString("arn", issuer.Arn);
            w.WriteString("accountId", account);
            w.WriteString("userName", issuer.Role);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>"arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION" → the role "arn:aws:iam::ACCOUNT:role/ROLE".</summary>
    private static (string Arn, string Role)? IssuerOf(string actor)
    {
        var parts = actor.Split(':', 6);
        var path = parts.Length == 6 ? parts[5].Split('/') : [];
        return path.Length >= 3 && path[0] == "assumed-role"
            ? ($"arn:{parts[1]}:iam::{parts[4]}:role/{path[1]}", path[1])
            : null;
    }

    /// <summary>EC2 wraps parameters as {Operation}Request and responses as {Operation}Response.</summary>
    private static void WriteParameters(Utf8JsonWriter w, AuditRecord record)
    {
        var kind = record.Name.Contains("TrafficMirror", StringComparison.Ordinal)
            ? MirrorKinds.FirstOrDefault(k => record.Name.Contains(k.Fragment, StringComparison.Ordinal)).Kind
            : null;
        if (kind is null || record.ResourceId is not { } id)
        {
            w.WriteNull("requestParameters");
            w.WriteNull("responseElements");
            return;
        }

        var idName = kind + "Id";
        var creates = record.Name.StartsWith("Create", StringComparison.Ordinal);
        w.WriteStartObject("requestParameters");
        w.WriteStartObject(record.Name + "Request");
        if (!creates)
        {
            w.WriteString(char.ToUpperInvariant(idName[0]) + idName[1..], id);
        }

        var related = Related(record);
        foreach (var (member, value) in related)
        {
            w.WriteString(member, value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        if (record.ErrorCode is not null)
        {
            w.WriteNull("responseElements");
            return;
        }

        w.WriteStartObject("responseElements");
        w.WriteStartObject(record.Name + "Response");
        if (record.Name.StartsWith("Delete", StringComparison.Ordinal))
        {
            w.WriteString(idName, id);
        }
        else
        {
            w.WriteStartObject(kind);
            w.WriteString("tagSet", "");
            foreach (var (member, value) in related)
            {
                w.WriteString(char.ToLowerInvariant(member[0]) + member[1..], value);
            }

            w.WriteString(idName, id);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static List<(string Member, string Value)> Related(AuditRecord record) =>
        [.. record.RelatedIds
            .Select(id => (RelatedMembers.FirstOrDefault(m => id.StartsWith(m.Prefix, StringComparison.Ordinal)).Member, id))
            .Where(p => p.Member is not null)];

    private static string DerivedGuid(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
