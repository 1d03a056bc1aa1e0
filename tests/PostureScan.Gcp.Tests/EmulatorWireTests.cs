using System.Net;
using System.Text.Json;
using PostureScan.Emulator.Worlds;
using static PostureScan.Gcp.Tests.GcpEstate;

namespace PostureScan.Gcp.Tests;

/// <summary>The emulator's GCP endpoints at the HTTP level: shapes, paging, authentication and refusals.</summary>
public sealed class EmulatorWireTests
{
    private static readonly HttpClient Http = new();

    private static GcpProject ThreePolicies() => new()
    {
        Id = "prj-wire-test",
        Regions =
        [
            new GcpRegion { Name = "us-central1", PacketMirrorings = [Policy("pm-a", "fr-c", tags: ["a"]), Policy("pm-b", "fr-c", tags: ["b"])] },
            new GcpRegion { Name = "us-east1" },
            new GcpRegion { Name = "us-west1", PacketMirrorings = [Policy("pm-c", "fr-c", tags: ["c"], filter: new GcpMirrorFilter { IpProtocols = ["tcp"] })] },
        ],
    };

    private static Uri Compute(GcpEmulator emulator, string path) => new(emulator.Host.Endpoint, "/compute/v1/" + path);

    [Fact]
    public async Task The_aggregated_list_pages_by_max_results_and_names_every_region_on_every_page()
    {
        await using var emulator = await GcpEmulator.StartAsync([ThreePolicies()]);
        var token = await RawGcp.TokenAsync(Http, emulator.Host, emulator.Key);

        var names = new List<string>();
        string? pageToken = null;
        var pages = 0;
        do
        {
            var query = "projects/prj-wire-test/aggregated/packetMirrorings?maxResults=1" + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken));
            var (status, body, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, query), token);
            Assert.Equal(200, status);
            pages++;
            var items = body.GetProperty("items");
            Assert.Equal(["regions/us-central1", "regions/us-east1", "regions/us-west1"], items.EnumerateObject().Select(p => p.Name));
            foreach (var scope in items.EnumerateObject())
            {
                if (scope.Value.TryGetProperty("packetMirrorings", out var list))
                {
                    names.AddRange(list.EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
                }
                else
                {
                    var warning = scope.Value.GetProperty("warning");
                    Assert.Equal("NO_RESULTS_ON_PAGE", warning.GetProperty("code").GetString());
                    Assert.Equal(scope.Name, warning.GetProperty("data")[0].GetProperty("value").GetString());
                }
            }

            pageToken = body.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (pageToken is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["pm-a", "pm-b", "pm-c"], names);
    }

    [Fact]
    public async Task The_aggregated_instances_page_across_zones_and_name_unreachable_zones_on_partial_success()
    {
        static GcpInstance Vm(string name, string zone) => new() { Name = name, Zone = zone, Network = "vpc-prod", NetworkIp = "10.1.0.9" };
        var project = new GcpProject
        {
            Id = "prj-wire-test",
            Regions =
            [
                new GcpRegion { Name = "us-east1", Instances = [Vm("vm-c", "us-east1-b")] },
                new GcpRegion { Name = "us-central1", Instances = [Vm("vm-b", "us-central1-f"), Vm("vm-a", "us-central1-a")] },
                new GcpRegion { Name = "europe-west1" },
                new GcpRegion { Name = "me-west1", Unreachable = true, Instances = [Vm("vm-x", "me-west1-c")] },
                new GcpRegion { Name = "me-central1", Unreachable = true },
            ],
        };
        await using var emulator = await GcpEmulator.StartAsync([project]);
        var token = await RawGcp.TokenAsync(Http, emulator.Host, emulator.Key);

        var names = new List<string>();
        string? pageToken = null;
        var pages = 0;
        JsonElement last = default;
        do
        {
            var query = "projects/prj-wire-test/aggregated/instances?maxResults=1&returnPartialSuccess=true" + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken));
            var (status, body, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, query), token);
            Assert.Equal(200, status);
            pages++;
            Assert.Equal("compute#instanceAggregatedList", body.GetProperty("kind").GetString());
            var items = body.GetProperty("items");
            // Zones that hold an instance, in name order, on every page; a region without instances has no key.
            Assert.Equal(["zones/us-central1-a", "zones/us-central1-f", "zones/us-east1-b"], items.EnumerateObject().Select(p => p.Name));
            foreach (var scope in items.EnumerateObject())
            {
                if (scope.Value.TryGetProperty("instances", out var list))
                {
                    names.AddRange(list.EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
                }
                else
                {
                    var warning = scope.Value.GetProperty("warning");
                    Assert.Equal("NO_RESULTS_ON_PAGE", warning.GetProperty("code").GetString());
                    Assert.Equal(scope.Name, warning.GetProperty("data")[0].GetProperty("value").GetString());
                    Assert.Contains($"'{scope.Name}'", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
                }
            }

            pageToken = body.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
            last = body.Clone();
        }
        while (pageToken is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["vm-a", "vm-b", "vm-c"], names);
        // An unreachable region stands for its instances' zones, or its zone "-a" when it has none.
        Assert.Equal(["zones/me-central1-a", "zones/me-west1-c"], last.GetProperty("unreachables").EnumerateArray().Select(u => u.GetString()));

        var (whole, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, "projects/prj-wire-test/aggregated/instances"), token);
        Assert.Equal(503, whole);
    }

    [Fact]
    public async Task A_served_policy_has_the_fields_of_the_recorded_shape_in_the_same_order()
    {
        await using var emulator = await GcpEmulator.StartAsync([ThreePolicies()]);
        var token = await RawGcp.TokenAsync(Http, emulator.Host, emulator.Key);
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "compute", "aggregatedList_packetMirrorings.json")));
        var recorded = fixture.RootElement.GetProperty("items").GetProperty("regions/europe-west2").GetProperty("packetMirrorings")[0];

        var (_, body, response) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, "projects/prj-wire-test/aggregated/packetMirrorings"), token);

        var served = body.GetProperty("items").GetProperty("regions/us-west1").GetProperty("packetMirrorings")[0];
        Assert.Equal(Keys(recorded), Keys(served));
        Assert.Equal(JsonValueKind.String, served.GetProperty("id").ValueKind);
        Assert.Equal("compute#packetMirroring", served.GetProperty("kind").GetString());
        Assert.Equal("TRUE", served.GetProperty("enable").GetString());
        Assert.Equal(["url", "canonicalUrl"], Keys(served.GetProperty("collectorIlb")));
        Assert.Equal("tcp", served.GetProperty("filter").GetProperty("IPProtocols")[0].GetString());
        Assert.Equal("compute#packetMirroringAggregatedList", body.GetProperty("kind").GetString());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Writes_are_refused_with_google_errors_and_counted()
    {
        await using var emulator = await GcpEmulator.StartAsync([ThreePolicies()]);
        var token = await RawGcp.TokenAsync(Http, emulator.Host, emulator.Key);
        var policies = Compute(emulator, "projects/prj-wire-test/regions/us-central1/packetMirrorings");

        var (insert, body, _) = await RawGcp.SendAsync(Http, HttpMethod.Post, policies, token);
        var (patch, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Patch, new Uri(policies + "/pm-a"), token);
        var (delete, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Delete, new Uri(policies + "/pm-a"), token);
        var (create, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Post, new Uri(emulator.Host.Endpoint, "/v1/projects"), token);
        var (unknownRead, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, new Uri(policies + "/pm-a"), token);

        Assert.Equal((403, 403, 403, 403, 404), (insert, patch, delete, create, unknownRead));
        var error = body.GetProperty("error");
        Assert.Equal(403, error.GetProperty("code").GetInt32());
        Assert.Equal("forbidden", error.GetProperty("errors")[0].GetProperty("reason").GetString());
        var counters = emulator.Host.Counters;
        Assert.Equal(4, counters.TotalRejectedWrites);
        Assert.Equal(1, counters.RejectedWrites("compute.packetMirrorings.insert"));
        Assert.Equal(1, counters.RejectedWrites("compute.packetMirrorings.patch"));
        Assert.Equal(1, counters.RejectedWrites("compute.packetMirrorings.delete"));
        Assert.Equal(1, counters.RejectedWrites("cloudresourcemanager.projects.insert"));
        Assert.Equal(1, counters.UnsupportedReadsByAction["compute.packetMirrorings.get"]);
    }

    [Fact]
    public async Task Calls_need_a_token_from_the_token_endpoint_with_a_compute_scope()
    {
        await using var emulator = await GcpEmulator.StartAsync([ThreePolicies()]);
        var list = Compute(emulator, "projects/prj-wire-test/aggregated/packetMirrorings");
        var narrow = await RawGcp.TokenAsync(Http, emulator.Host, emulator.Key, "https://www.googleapis.com/auth/devstorage.read_only");

        var (missing, missingBody, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, list, null);
        var (forged, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, list, "ya29.forged");
        var (scoped, scopedBody, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, list, narrow);
        var (projects, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, new Uri(emulator.Host.Endpoint, "/v1/projects"),
            await RawGcp.TokenAsync(Http, emulator.Host, emulator.Key));

        Assert.Equal((401, 401, 403, 403), (missing, forged, scoped, projects));
        Assert.Equal("UNAUTHENTICATED", missingBody.GetProperty("error").GetProperty("status").GetString());
        Assert.Equal("insufficientPermissions", scopedBody.GetProperty("error").GetProperty("errors")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_token_endpoint_refuses_other_grants_and_unknown_accounts()
    {
        await using var emulator = await GcpEmulator.StartAsync([ThreePolicies()]);
        var stranger = Emulator.Gcp.GcpServiceAccountKey.Generate("stranger@elsewhere.iam.gserviceaccount.com", "elsewhere");
        var tokenUri = Emulator.Gcp.GcpServiceAccountKey.TokenUri(emulator.Host.Endpoint);
        var now = TimeProvider.System.GetUtcNow();

        using var password = await RawGcp.RequestTokenAsync(Http, emulator.Host, "password", "x");
        using var unknown = await RawGcp.RequestTokenAsync(Http, emulator.Host, "urn:ietf:params:oauth:grant-type:jwt-bearer",
            RawGcp.Assertion(stranger, tokenUri, RawGcp.ComputeReadOnly, now));
        using var stale = await RawGcp.RequestTokenAsync(Http, emulator.Host, "urn:ietf:params:oauth:grant-type:jwt-bearer",
            RawGcp.Assertion(emulator.Key, tokenUri, RawGcp.ComputeReadOnly, now.AddHours(-3)));
        using var garbage = await RawGcp.RequestTokenAsync(Http, emulator.Host, "urn:ietf:params:oauth:grant-type:jwt-bearer", "not.a.jwt");

        Assert.Equal("unsupported_grant_type", await Error(password));
        Assert.Equal("invalid_grant", await Error(unknown));
        Assert.Equal("invalid_grant", await Error(stale));
        Assert.Equal("invalid_grant", await Error(garbage));
    }

    [Fact]
    public async Task Bad_paging_arguments_and_unreachable_regions_without_partial_success_are_errors()
    {
        var project = ThreePolicies() with { Regions = [.. ThreePolicies().Regions, new GcpRegion { Name = "me-west1", Unreachable = true }] };
        await using var emulator = await GcpEmulator.StartAsync([project]);
        var token = await RawGcp.TokenAsync(Http, emulator.Host, emulator.Key);
        const string list = "projects/prj-wire-test/aggregated/packetMirrorings";

        var (tooMany, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, list + "?maxResults=501&returnPartialSuccess=true"), token);
        var (badToken, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, list + "?pageToken=bm9wZQ&returnPartialSuccess=true"), token);
        var (whole, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, list), token);
        var (partial, body, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, list + "?returnPartialSuccess=true"), token);
        var (missing, _, _) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, "projects/prj-nowhere/aggregated/packetMirrorings"), token);

        Assert.Equal((400, 400, 503, 200, 404), (tooMany, badToken, whole, partial, missing));
        Assert.Equal(["regions/me-west1"], body.GetProperty("unreachables").EnumerateArray().Select(u => u.GetString()));
        Assert.False(body.GetProperty("items").TryGetProperty("regions/me-west1", out _));
    }

    [Fact]
    public async Task Throttled_calls_carry_retry_after_and_the_rate_limit_body()
    {
        var project = ThreePolicies() with { Faults = new Faults { ThrottleBurst = 1 } };
        await using var emulator = await GcpEmulator.StartAsync([project]);
        var token = await RawGcp.TokenAsync(Http, emulator.Host, emulator.Key);

        var (status, body, response) = await RawGcp.SendAsync(Http, HttpMethod.Get, Compute(emulator, "projects/prj-wire-test/aggregated/packetMirrorings"), token);

        Assert.Equal(429, status);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
        Assert.Equal("RESOURCE_EXHAUSTED", body.GetProperty("error").GetProperty("status").GetString());
        Assert.Equal("rateLimitExceeded", body.GetProperty("error").GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.Equal(1, emulator.Host.Counters.Throttled("prj-wire-test", "*"));
    }

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static async Task<string?> Error(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetString();
    }
}
