using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PostureScan.Core.Inventory;
using PostureScan.Gcp.Compute;
using PostureScan.Gcp.Mapping;
using PostureScan.Gcp.Rest;
using PostureScan.Gcp.Wire;
using PostureScan.TestKit;

namespace PostureScan.Gcp.Tests;

/// <summary>The pure parts: resource URLs, filters, Retry-After and hostile values.</summary>
public sealed class MappingTests
{
    [Theory]
    [InlineData("https://www.googleapis.com/compute/beta/projects/p-1/regions/us-central1/subnetworks/s", "projects/p-1/regions/us-central1/subnetworks/s", "us-central1")]
    [InlineData("https://attacker.example/compute/v1/projects/p-1/zones/europe-west4-b/instances/vm", "projects/p-1/zones/europe-west4-b/instances/vm", "europe-west4")]
    [InlineData("projects/example.com:p-1/global/networks/vpc", "projects/example.com%3Ap-1/global/networks/vpc", null)]
    public void Resource_urls_keep_only_their_path_whatever_host_they_name(string url, string relative, string? region)
    {
        var path = ResourcePath.Parse(url)!;

        Assert.Equal(relative, path.Relative);
        Assert.Equal(region, path.Region);
    }

    [Theory]
    [InlineData("https://www.googleapis.com/compute/v1/projects/p/regions/r/subnetworks/../../../x")]
    [InlineData("https://www.googleapis.com/compute/v1/projects/p/regions/r/subnetworks/a%2Fb")]
    [InlineData("https://www.googleapis.com/compute/v1/regions/r/subnetworks/s")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_resource_urls_are_not_followed(string? url) => Assert.Null(ResourcePath.Parse(url));

    [Fact]
    public void An_any_address_range_is_ordered_first_so_the_filter_reads_as_copying_everything()
    {
        var filter = FilterMapping.ToFilter("f", new PacketMirroringFilter(["10.0.0.0/8", "0.0.0.0/0"], null, "BOTH"));

        Assert.True(filter.AcceptsEverything);
        Assert.Equal(4, filter.Rules.Count);
        Assert.Equal(("0.0.0.0/0", null), (filter.Rules[0].SourceCidr, filter.Rules[0].DestinationCidr));
        Assert.Equal((null, "0.0.0.0/0"), (filter.Rules[2].SourceCidr, filter.Rules[2].DestinationCidr));
    }

    [Fact]
    public void An_unknown_protocol_is_read_as_any_and_named_in_the_rule()
    {
        var filter = FilterMapping.ToFilter("f", new PacketMirroringFilter(null, ["gre-ish", "132"], "EGRESS"));

        Assert.Equal([null, 132], filter.Rules.Select(r => r.Protocol));
        Assert.Equal("protocol 'gre-ish'", filter.Rules[0].Description);
        Assert.All(filter.Rules, r => Assert.Equal(TrafficDirection.Egress, r.Direction));
        Assert.Equal(TrafficDirection.Egress, filter.AcceptedDirections);
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_a_date_and_capped()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.Add("Retry-After", "7");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(12));
        using var huge = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        huge.Headers.Add("Retry-After", "86400");
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(7), GcpRetry.RetryAfter(seconds, time));
        Assert.Equal(TimeSpan.FromSeconds(12), GcpRetry.RetryAfter(date, time));
        Assert.Equal(GcpRetry.MaxRetryAfter, GcpRetry.RetryAfter(huge, time));
        Assert.Null(GcpRetry.RetryAfter(none, time));
    }

    [Fact]
    public void Hostile_names_descriptions_and_labels_are_kept_verbatim_but_bounded()
    {
        var large = Hostile.Large();
        var policy = new
        {
            kind = "compute#packetMirroring",
            name = Hostile.Strings[1],
            description = large,
            priority = 70000,
            enable = "maybe",
            mirroredResources = new { tags = Hostile.Strings.Where(s => s.Length > 0).Append(large).ToArray() },
            filter = new { direction = "SIDEWAYS" },
        };
        var raw = JsonSerializer.SerializeToElement(policy);

        var session = PacketMirroringMapper.ToSession(new Scope("gcp", "p-1", "r"), raw, raw.Deserialize<PacketMirroring>(GcpJson.Options)!, ResolvedResources.None);

        Assert.Equal(Hostile.Strings[1], session.Name);
        Assert.Equal(PostureScan.Core.Text.BoundedText.Cut(large, Limits.Description), session.Description);
        Assert.Equal(70000, session.Priority);
        Assert.True(session.Enabled);
        Assert.Equal(TrafficDirection.Both, session.Direction);
        Assert.Contains(session.Sources, s => s.Id == Hostile.Strings[0]);
        Assert.All(session.Sources, s => Assert.True(s.Id.Length <= Limits.Name));
        Assert.Null(session.Target);
        Assert.Equal("projects/p-1/regions/r/packetMirrorings/'; DROP TABLE mirror_sessions; --", session.Id);
    }

    [Fact]
    public void A_name_at_its_bound_is_cut_before_a_surrogate_pair_it_would_split()
    {
        var name = new string('n', Limits.Name - 1) + "\U0001F600";
        var raw = JsonSerializer.SerializeToElement(new { kind = "compute#packetMirroring", name });

        var session = PacketMirroringMapper.ToSession(new Scope("gcp", "p-1", "r"), raw, raw.Deserialize<PacketMirroring>(GcpJson.Options)!, ResolvedResources.None);

        Assert.Equal(new string('n', Limits.Name - 1), session.Name);
    }
}
