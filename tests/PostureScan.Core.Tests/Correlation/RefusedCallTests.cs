using System.Text;
using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;
using PostureScan.Core.Drift;
using PostureScan.Core.Inventory;
using static PostureScan.Core.Tests.Correlation.Correlate;

namespace PostureScan.Core.Tests.Correlation;

/// <summary>
/// A call the provider refused after the creation changed nothing: it is kept as refused evidence, never the
/// last change, a refused delete ends nothing and a refused create creates nothing. Each provider marks a refusal
/// its own way (a CloudTrail errorCode, an Activity Log status, a Cloud Audit Logs status code), so the records are
/// read as logged, one record a line.
/// </summary>
public sealed class RefusedCallTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static string At(TimeSpan offset) => (T0 + offset).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static List<AuditEvent> Records(params string[] lines)
    {
        var events = new List<AuditEvent>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var result = new AuditLogReader(EventNameMatcher.Mirror).Read(stream, AuditInput.FromFile("refused.jsonl", 0), events.Add);
        Assert.Equal((lines.Length, 0L), (events.Count, result.MalformedCount));
        return events;
    }

    private static SessionAttribution Correlated(Scope scope, string sessionId, List<AuditEvent> events) =>
        Assert.Single(Run([Session(scope, sessionId)], events, [Covered(scope, T0.AddDays(-30), T0.AddDays(10))]).Sessions);

    private static readonly Scope Frankfurt = new(Providers.Aws, "123456789012", "eu-central-1");
    private const string MirrorSession = "tms-0c1d2e3f4a5b60007";

    /// <summary>A CloudTrail record of an EC2 mirror-session call; an error code makes it a refused call.</summary>
    private static string Trail(string id, string name, TimeSpan at, string actor, string? errorCode = null)
    {
        var created = name == "CreateTrafficMirrorSession";
        var request = created ? "{}" : $$$"""{"{{{name}}}Request":{"TrafficMirrorSessionId":"{{{MirrorSession}}}"}}""";
        var response = errorCode is not null ? "null"
            : $$$$"""{"{{{{name}}}}Response":{"trafficMirrorSession":{"trafficMirrorSessionId":"{{{{MirrorSession}}}}"}}}""";
        var error = errorCode is null ? "" : $$""","errorCode":"{{errorCode}}","errorMessage":"refused" """.TrimEnd();
        return $$$"""{"eventVersion":"1.10","userIdentity":{"type":"IAMUser","arn":"{{{actor}}}","accountId":"123456789012"},"eventTime":"{{{At(at)}}}","eventSource":"ec2.amazonaws.com","eventName":"{{{name}}}","awsRegion":"eu-central-1","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.17.60","requestParameters":{{{request}}},"responseElements":{{{response}}}{{{error}}},"eventID":"{{{id}}}","readOnly":false,"recipientAccountId":"123456789012"}""";
    }

    [Theory]
    [InlineData("Client.UnauthorizedOperation")]
    [InlineData("AccessDenied")]
    [InlineData("Client.DryRunOperation")]
    [InlineData("Client.RequestLimitExceeded")]
    [InlineData("ThrottlingException")]
    public void A_CloudTrail_call_with_an_error_code_after_the_creation_is_refused_and_not_the_last_change(string errorCode)
    {
        const string Ops = "arn:aws:iam::123456789012:user/ops";
        const string Mallory = "arn:aws:iam::123456789012:user/mallory";

        var session = Correlated(Frankfurt, MirrorSession, Records(
            Trail("ct-create", "CreateTrafficMirrorSession", TimeSpan.Zero, Ops),
            Trail("ct-modify", "ModifyTrafficMirrorSession", TimeSpan.FromDays(1), Ops),
            Trail("ct-modify-refused", "ModifyTrafficMirrorSession", TimeSpan.FromDays(2), Mallory, errorCode),
            Trail("ct-delete-refused", "DeleteTrafficMirrorSession", TimeSpan.FromDays(3), Mallory, errorCode)));

        var mirror = session.Session;
        Assert.Equal((AttributionState.Attributed, Ops, T0), (mirror.State, mirror.Actor, mirror.CreatedAt));
        Assert.Equal(["ct-modify"], mirror.Changes.Select(c => c.EventId));
        Assert.Equal(
            $"created by {Ops} from 198.51.100.7 at {DriftText.Time(T0)}; 1 change(s), last ModifyTrafficMirrorSession by {Ops} from 198.51.100.7 at {DriftText.Time(T0.AddDays(1))}"
            + $"; 2 refused call(s), last DeleteTrafficMirrorSession by {Mallory} from 198.51.100.7 at {DriftText.Time(T0.AddDays(3))}",
            DriftText.Attribution(mirror));
        Assert.Equal([("ct-modify-refused", errorCode), ("ct-delete-refused", errorCode)], mirror.Refused.Select(c => (c.EventId, c.ErrorCode)));
        Assert.Equal(["ct-create", "ct-modify", "ct-modify-refused", "ct-delete-refused"], session.Timeline().Select(t => t.Change.EventId));
    }

    private const string Subscription = "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e";
    private const string Tap = $"/subscriptions/{Subscription}/resourceGroups/rg-ndr/providers/Microsoft.Network/virtualNetworkTaps/vtap-ids";
    private static readonly Scope Westeurope = new(Providers.Azure, Subscription, "westeurope");

    /// <summary>An Activity Log EndRequest record of a vTAP call, with its status and sub-status as logged.</summary>
    private static string Activity(string id, string verb, TimeSpan at, string caller, string status, string subStatus) =>
        $$$"""{"caller":"{{{caller}}}","claims":{"ipaddr":"192.0.2.41"},"httpRequest":{"clientIpAddress":"192.0.2.41"},"correlationId":"c-{{{id}}}","eventDataId":"{{{id}}}","eventName":{"value":"EndRequest"},"eventTimestamp":"{{{At(at)}}}","operationId":"o-{{{id}}}","operationName":{"value":"Microsoft.Network/virtualNetworkTaps/{{{verb}}}"},"resourceId":"{{{Tap}}}","resourceProviderName":{"value":"Microsoft.Network"},"status":{"value":"{{{status}}}"},"subStatus":{"value":"{{{subStatus}}}"},"subscriptionId":"{{{Subscription}}}"}""";

    [Theory]
    [InlineData("Failed", "Forbidden")]
    [InlineData("Canceled", "Conflict")]
    public void An_Activity_Log_call_that_failed_after_the_creation_is_refused_and_not_the_last_change(string status, string subStatus)
    {
        var session = Correlated(Westeurope, Tap, Records(
            Activity("az-create", "write", TimeSpan.Zero, "dana@contoso.example", "Succeeded", "Created"),
            Activity("az-update", "write", TimeSpan.FromDays(1), "dana@contoso.example", "Succeeded", "OK"),
            Activity("az-update-refused", "write", TimeSpan.FromDays(2), "mallory@contoso.example", status, subStatus),
            Activity("az-delete-refused", "delete", TimeSpan.FromDays(3), "mallory@contoso.example", status, subStatus)));

        var tap = session.Session;
        Assert.Equal((AttributionState.Attributed, "dana@contoso.example", T0), (tap.State, tap.Actor, tap.CreatedAt));
        Assert.Equal(["az-update"], tap.Changes.Select(c => c.EventId));
        Assert.Contains($"; 1 change(s), last Microsoft.Network/virtualNetworkTaps/write by dana@contoso.example from 192.0.2.41 at {DriftText.Time(T0.AddDays(1))}", DriftText.Attribution(tap), StringComparison.Ordinal);
        Assert.Equal(["az-update-refused", "az-delete-refused"], tap.Refused.Select(c => c.EventId));
        Assert.All(tap.Refused, c => Assert.Equal("failure", c.Outcome));
    }

    private const string Mirroring = "projects/shop-prod/regions/europe-west1/packetMirrorings/pm-payments";
    private static readonly Scope Belgium = new(Providers.Gcp, "shop-prod", "europe-west1");

    /// <summary>A Cloud Audit Logs entry on the mirroring; a status code other than 0 makes it a refused call.</summary>
    private static string Logged(string id, string method, TimeSpan at, string principal, int? code = null)
    {
        var status = code is { } c ? $$$""","status":{"code":{{{c}}},"message":"refused"}""" : "";
        return $$$"""{"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog","authenticationInfo":{"principalEmail":"{{{principal}}}"},"requestMetadata":{"callerIp":"203.0.113.78"},"serviceName":"compute.googleapis.com","methodName":"v1.compute.packetMirrorings.{{{method}}}","resourceName":"{{{Mirroring}}}"{{{status}}}},"insertId":"{{{id}}}","resource":{"type":"gce_packet_mirroring","labels":{"project_id":"shop-prod","region":"europe-west1"}},"timestamp":"{{{At(at)}}}","logName":"projects/shop-prod/logs/cloudaudit.googleapis.com%2Factivity"}""";
    }

    [Fact]
    public void A_Cloud_Audit_Logs_call_with_a_status_code_after_the_creation_is_refused_and_neither_deletes_nor_creates()
    {
        // 7 is PERMISSION_DENIED, 6 ALREADY_EXISTS, 8 RESOURCE_EXHAUSTED (a quota or rate limit).
        var session = Correlated(Belgium, $"https://www.googleapis.com/compute/v1/{Mirroring}", Records(
            Logged("gcp-insert", "insert", TimeSpan.Zero, "ops@shop.example"),
            Logged("gcp-delete-denied", "delete", TimeSpan.FromHours(1), "pat@contractor-lab.example", 7),
            Logged("gcp-insert-exists", "insert", TimeSpan.FromHours(2), "pat@contractor-lab.example", 6),
            Logged("gcp-patch", "patch", TimeSpan.FromDays(1), "ops@shop.example"),
            Logged("gcp-patch-throttled", "patch", TimeSpan.FromDays(2), "pat@contractor-lab.example", 8)));

        var mirroring = session.Session;
        Assert.Equal((AttributionState.Attributed, "ops@shop.example", T0), (mirroring.State, mirroring.Actor, mirroring.CreatedAt));
        Assert.Empty(mirroring.BeforeCreation);
        Assert.Equal(["gcp-patch"], mirroring.Changes.Select(c => c.EventId));
        Assert.Equal(["gcp-insert", "gcp-patch"], mirroring.EventIds);
        Assert.Equal(
            [("gcp-delete-denied", "7 PERMISSION_DENIED"), ("gcp-insert-exists", "6 ALREADY_EXISTS"), ("gcp-patch-throttled", "8 RESOURCE_EXHAUSTED")],
            mirroring.Refused.Select(c => (c.EventId, c.ErrorCode)));
    }
}
