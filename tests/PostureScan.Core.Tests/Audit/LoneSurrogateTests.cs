using System.Text;
using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Core.Tests.Audit;

/// <summary>
/// JSON may escape an unpaired UTF-16 surrogate ("\ud800"), and the caller of an API controls fields of
/// its audit record. Such a record is kept, the surrogate read as U+FFFD, so it cannot hide the call.
/// </summary>
public sealed class LoneSurrogateTests
{
    private const string Template =
        """{"eventVersion":"1.10","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::444455556666:assumed-role/Ops/mallory","sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::444455556666:role/OpsISSUER_SUFFIX"}}},"eventTime":"2025-03-02T08:03:40Z","eventSource":"ec2.amazonaws.com","eventName":"CreateTrafficMirrorSession","awsRegion":"eu-central-1","sourceIPAddress":"203.0.113.10","userAgent":"USER_AGENT","requestParameters":{"CreateTrafficMirrorSessionRequest":{"NetworkInterfaceId":"eni-0123456789abcdef0","TagSpecification":{"ResourceType":"traffic-mirror-session","Tag":{"Key":"env","Value":"TAG_VALUE"}}}},"responseElements":{"CreateTrafficMirrorSessionResponse":{"trafficMirrorSession":{"trafficMirrorSessionId":"tms-0a1b2c3d4e5f60718"}}},"eventID":"EVENT_ID","recipientAccountId":"444455556666"}""";

    private static string CloudTrail(string id, string userAgent, string tagValue = "prod", string issuerSuffix = "") =>
        Template.Replace("EVENT_ID", id, StringComparison.Ordinal).Replace("USER_AGENT", userAgent, StringComparison.Ordinal)
            .Replace("TAG_VALUE", tagValue, StringComparison.Ordinal).Replace("ISSUER_SUFFIX", issuerSuffix, StringComparison.Ordinal);

    private static (AuditReadResult Result, List<AuditEvent> Events) Read(string text) => AuditFixtures.ReadBytes(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData(@"aws-cli\ud800", "aws-cli\uFFFD")]
    [InlineData(@"\udc00x", "\uFFFDx")]
    [InlineData(@"\udc00\ud800", "\uFFFD\uFFFD")]
    [InlineData(@"\ud800\ud83d\ude00", "\uFFFD\U0001F600")]
    [InlineData(@"caf\u00e9\ud83d", "café\uFFFD")]
    [InlineData(@"\\ud800 \u0041", @"\ud800 A")]
    public void A_CloudTrail_user_agent_with_an_unpaired_surrogate_is_kept_with_U_FFFD_in_its_place(string escaped, string expected)
    {
        var (result, events) = Read("{\"Records\":[" + CloudTrail("e1", escaped) + "]}");

        Assert.Equal((1L, 0L), (result.Matched, result.MalformedCount));
        var session = Assert.Single(events);
        Assert.Equal(expected, session.UserAgent);
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/Ops/mallory", session.Actor);
        Assert.Equal(["tms-0a1b2c3d4e5f60718"], session.ResourceIds);
    }

    [Fact]
    public void An_over_long_field_is_cut_before_a_surrogate_pair_it_would_split_and_says_how_long_it_was()
    {
        // 2,047 characters, then an emoji: a cut at 2,048 would keep half of it, which JSON then writes as U+FFFD.
        var userAgent = new string('a', 2047) + "\U0001F600" + new string('b', 100);

        var (_, events) = Read("{\"Records\":[" + CloudTrail("e3", userAgent) + "]}");

        var read = Assert.Single(events).UserAgent!;
        Assert.Equal(new string('a', 2047) + PostureScan.Core.Text.BoundedText.Marker(userAgent.Length), read);
        Assert.DoesNotContain(read, char.IsSurrogate);
    }

    [Fact]
    public void A_LookupEvents_record_whose_string_holds_an_unpaired_surrogate_is_kept()
    {
        // The whole record is one JSON string here, so the page's own escapes spell the surrogates.
        var inner = CloudTrail("e2", "USER-AGENT", tagValue: "TAG-VALUE")
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("USER-AGENT", @"evil\ud800", StringComparison.Ordinal)
            .Replace("TAG-VALUE", @"x\udfff", StringComparison.Ordinal);
        var page = $$"""{"Events":[{"EventId":"e2","EventName":"CreateTrafficMirrorSession","CloudTrailEvent":"{{inner}}"}]}""";

        var (result, events) = Read(page);

        Assert.Equal((1L, 0L), (result.Matched, result.MalformedCount));
        var session = Assert.Single(events);
        Assert.Equal("evil\uFFFD", session.UserAgent);
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/Ops/mallory", session.Actor);
    }

    [Fact]
    public void An_Azure_event_with_an_unpaired_surrogate_in_its_caller_is_kept()
    {
        const string text = """{"value":[{"caller":"mallory\udbff@contoso.example","eventDataId":"az1","eventTimestamp":"2025-03-03T13:05:00Z","operationName":{"value":"Microsoft.Network/virtualNetworkTaps/write"},"status":{"value":"Succeeded"},"subscriptionId":"5c1e7a9b-2d3f-4e6a-8b7c-9d0e1f2a3b4c","resourceId":"/subscriptions/5c1e7a9b-2d3f-4e6a-8b7c-9d0e1f2a3b4c/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkTaps/tap1","httpRequest":{"clientIpAddress":"192.0.2.41"}}]}""";

        var (result, events) = Read(text);

        Assert.Equal((1L, 0L), (result.Matched, result.MalformedCount));
        var tap = Assert.Single(events);
        Assert.Equal((AuditPlatform.Azure, "mallory\uFFFD@contoso.example"), (tap.Platform, tap.Actor));
    }

    [Fact]
    public void A_GCP_entry_with_an_unpaired_surrogate_in_its_user_agent_is_kept()
    {
        const string text = """{"entries":[{"insertId":"g1","logName":"projects/prj-a/logs/cloudaudit.googleapis.com%2Factivity","timestamp":"2025-03-04T08:30:00Z","resource":{"type":"gce_packet_mirroring","labels":{"project_id":"prj-a","region":"europe-west1"}},"protoPayload":{"methodName":"v1.compute.packetMirrorings.insert","serviceName":"compute.googleapis.com","resourceName":"projects/prj-a/regions/europe-west1/packetMirrorings/pm-x","authenticationInfo":{"principalEmail":"eve@outsider.example"},"requestMetadata":{"callerIp":"192.0.2.250","callerSuppliedUserAgent":"gcloud\ud800"}}}]}""";

        var (result, events) = Read(text);

        Assert.Equal((1L, 0L), (result.Matched, result.MalformedCount));
        var insert = Assert.Single(events);
        Assert.Equal((AuditPlatform.Gcp, "eve@outsider.example", "gcloud\uFFFD"), (insert.Platform, insert.Actor, insert.UserAgent));
    }

    [Fact]
    public void Names_with_unpaired_surrogates_neither_stop_the_read_nor_hide_a_record()
    {
        // A bad name beside the one looked up, a bad top-level name, and a bad event name (which is no mirror call's).
        var badKeyInIdentity = CloudTrail("e3", "cli").Replace("/mallory\",", "/mallory\",\"\\udc00\":1,", StringComparison.Ordinal);
        var badTopLevelKey = CloudTrail("e4", "cli").Replace("{\"eventVersion\"", "{\"\\ud800\":true,\"eventVersion\"", StringComparison.Ordinal);
        var badEventName = CloudTrail("e5", "cli").Replace("\"CreateTrafficMirrorSession\"", "\"Create\\ud800\"", StringComparison.Ordinal);
        var text = string.Join('\n', badKeyInIdentity, badTopLevelKey, badEventName, CloudTrail("e6", "cli"));

        var (result, events) = Read(text);

        Assert.Equal((4L, 3L, 0L), (result.Records, result.Matched, result.MalformedCount));
        Assert.Equal(["e3", "e4", "e6"], events.Select(e => e.EventId));
        Assert.All(events, e => Assert.Equal("arn:aws:sts::444455556666:assumed-role/Ops/mallory", e.Actor));
    }

    [Fact]
    public void Attribution_reads_the_kept_record_with_U_FFFD_in_place_of_the_surrogate()
    {
        var (_, events) = Read(CloudTrail("e7", "cli", issuerSuffix: @"\ud800"));

        var details = ActorDetails.Of(Assert.Single(events));

        Assert.Equal("arn:aws:iam::444455556666:role/Ops\uFFFD", details.SessionIssuer);
        Assert.Equal("mallory", details.RoleSessionName);
    }

    [Fact]
    public void An_issuer_longer_than_its_bound_is_cut_before_a_surrogate_pair_it_would_split()
    {
        // The pair would occupy characters 512 and 513 of the issuer; cut at 512, half of it would stay.
        const string issuer = "arn:aws:iam::444455556666:role/Ops";
        var padding = new string('x', 511 - issuer.Length);
        var (_, events) = Read(CloudTrail("e8", "cli", issuerSuffix: padding + @"\ud83d\ude00tail"));

        var details = ActorDetails.Of(Assert.Single(events));

        Assert.Equal(issuer + padding, details.SessionIssuer);
        Assert.False(char.IsSurrogate(details.SessionIssuer![^1]));
    }
}
