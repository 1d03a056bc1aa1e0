using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Tests;

/// <summary>Resource Manager on the wire: tokens, CloudErrors, paging, refused writes, faults and the certificate.</summary>
public sealed class ArmWireTests
{
    private const string Tenant = "3a1b2c3d-4e5f-4a6b-8c7d-000000000001";
    private const string Client = "3a1b2c3d-4e5f-4a6b-8c7d-0000000000c1";
    private const string Secret = "s3cret";
    private const string SubA = "5e000000-0000-4000-8000-00000000000a";
    private const string SubB = "5e000000-0000-4000-8000-00000000000b";
    private const string Slow = "5e000000-0000-4000-8000-00000000000c";
    private const string Theirs = "5e000000-0000-4000-8000-00000000000d";
    private const string Api = "?api-version=2024-05-01";

    private static World Estate() => new()
    {
        Azure = new AzureWorld
        {
            PageSize = 1,
            Tenants =
            [
                new AzureTenant { Id = Tenant, Applications = [new AzureApplication { ClientId = Client, ClientSecret = Secret }] },
                new AzureTenant { Id = "3a1b2c3d-4e5f-4a6b-8c7d-000000000002" },
            ],
            Subscriptions =
            [
                new AzureSubscription
                {
                    Id = SubA,
                    TenantId = Tenant,
                    VirtualNetworkTaps =
                    [
                        new AzureVirtualNetworkTap
                        {
                            Name = "vtap-1",
                            ResourceGroup = "rg",
                            DestinationNetworkInterfaceIPConfiguration = $"/subscriptions/{SubA}/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-c/ipConfigurations/ipconfig1",
                            Tags = new Dictionary<string, string> { ["note"] = "<script>\"x\"</script>", ["bell"] = "ring\u0007" },
                        },
                    ],
                    NetworkInterfaces =
                    [
                        new AzureNetworkInterface
                        {
                            Name = "nic-s",
                            ResourceGroup = "rg",
                            IpConfigurations = [new AzureIpConfiguration { PrivateIPAddress = "10.0.0.4" }],
                            TapConfigurations = [new AzureTapConfiguration { Name = "t1", VirtualNetworkTap = $"/subscriptions/{SubA}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkTaps/vtap-1" }],
                        },
                    ],
                },
                new AzureSubscription { Id = SubB, TenantId = Tenant },
                new AzureSubscription { Id = Slow, TenantId = Tenant, Faults = new Faults { ThrottleBurst = 1, RetryAfterSeconds = 3 } },
                new AzureSubscription { Id = Theirs, TenantId = "3a1b2c3d-4e5f-4a6b-8c7d-000000000002" },
            ],
        },
    };

    [Fact]
    public async Task Subscriptions_of_the_callers_tenant_are_listed_one_page_at_a_time()
    {
        await using var host = await EmulatorHost.StartAsync(Estate());
        using var arm = new ArmClient(host);
        var token = await arm.TokenAsync(Tenant, Client, Secret);

        var ids = new List<string>();
        string? next = "subscriptions" + Api;
        while (next is not null)
        {
            var (status, body, response) = await arm.SendAsync(HttpMethod.Get, next, token);
            response.Dispose();
            Assert.Equal(200, status);
            ids.AddRange(body.GetProperty("value").EnumerateArray().Select(s => s.GetProperty("subscriptionId").GetString()!));
            next = body.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
        }

        Assert.Equal([SubA, SubB, Slow], ids);
        Assert.Equal(3, host.Counters.Calls("Subscriptions_List"));
    }

    [Fact]
    public async Task A_tap_is_served_with_the_tap_configurations_that_feed_it_and_its_tags_escaped()
    {
        await using var host = await EmulatorHost.StartAsync(Estate());
        using var arm = new ArmClient(host);
        var token = await arm.TokenAsync(Tenant, Client, Secret);

        var (status, tap, response) = await arm.SendAsync(HttpMethod.Get, $"subscriptions/{SubA}/resourceGroups/RG/providers/microsoft.network/virtualNetworkTaps/VTAP-1{Api}", token);
        response.Dispose();

        Assert.Equal(200, status);
        Assert.Equal($"/subscriptions/{SubA}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkTaps/vtap-1", tap.GetProperty("id").GetString());
        Assert.Equal("<script>\"x\"</script>", tap.GetProperty("tags").GetProperty("note").GetString());
        // JSON carries any character escaped, so Azure text is not held to the rule that keeps XML-unsafe text out of AWS.
        Assert.Equal("ring\u0007", tap.GetProperty("tags").GetProperty("bell").GetString());
        var properties = tap.GetProperty("properties");
        Assert.Equal(4789, properties.GetProperty("destinationPort").GetInt32());
        Assert.Equal("Succeeded", properties.GetProperty("provisioningState").GetString());
        Assert.Equal($"/subscriptions/{SubA}/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-s/tapConfigurations/t1",
            Assert.Single(properties.GetProperty("networkInterfaceTapConfigurations").EnumerateArray()).GetProperty("id").GetString());
        Assert.StartsWith("W/\"", tap.GetProperty("etag").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "subscriptions/" + SubA + "/providers/Microsoft.Network/virtualNetworkTaps" + Api, 401, "AuthenticationFailed")]
    [InlineData("token", "subscriptions/" + SubA + "/providers/Microsoft.Network/virtualNetworkTaps", 400, "MissingApiVersionParameter")]
    [InlineData("token", "subscriptions/" + SubA + "/providers/Microsoft.Network/virtualNetworkTaps?api-version=2017-01-01", 400, "NoRegisteredProviderFound")]
    [InlineData("token", "subscriptions/" + Theirs + "/providers/Microsoft.Network/virtualNetworkTaps" + Api, 401, "InvalidAuthenticationTokenTenant")]
    [InlineData("token", "subscriptions/5e000000-0000-4000-8000-0000000000ff/providers/Microsoft.Network/virtualNetworkTaps" + Api, 404, "SubscriptionNotFound")]
    [InlineData("token", "subscriptions/" + SubA + "/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-gone" + Api, 404, "ResourceNotFound")]
    [InlineData("token", "subscriptions/" + SubA + "/resourceGroups/rg-none/providers/Microsoft.Network/networkInterfaces/nic-s" + Api, 404, "ResourceGroupNotFound")]
    [InlineData("token", "subscriptions/" + Slow + "/providers/Microsoft.Network/virtualNetworkTaps" + Api, 429, "SubscriptionRequestsThrottled")]
    public async Task Errors_are_CloudErrors_with_ARMs_codes(string? withToken, string path, int expectedStatus, string code)
    {
        await using var host = await EmulatorHost.StartAsync(Estate());
        using var arm = new ArmClient(host);
        var token = withToken is null ? null : await arm.TokenAsync(Tenant, Client, Secret);

        var (status, body, response) = await arm.SendAsync(HttpMethod.Get, path, token);

        Assert.Equal(expectedStatus, status);
        var error = body.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Equal(["error"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(status == 429 ? "3" : null, response.Headers.RetryAfter?.ToString());
        response.Dispose();
    }

    [Fact]
    public async Task Writes_are_refused_and_counted_even_without_a_token()
    {
        await using var host = await EmulatorHost.StartAsync(Estate());
        using var arm = new ArmClient(host);
        var token = await arm.TokenAsync(Tenant, Client, Secret);
        var tap = $"subscriptions/{SubA}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkTaps/vtap-1{Api}";

        foreach (var (method, bearer) in new[] { (HttpMethod.Put, token), (HttpMethod.Delete, token), (HttpMethod.Patch, null) })
        {
            var (status, body, response) = await arm.SendAsync(method, tap, bearer);
            response.Dispose();
            Assert.Equal(403, status);
            Assert.Equal("AuthorizationFailed", body.GetProperty("error").GetProperty("code").GetString());
        }

        Assert.Equal(3, host.Counters.TotalRejectedWrites);
        Assert.Equal(1, host.Counters.RejectedWrites("PUT VirtualNetworkTaps_Get"));
        Assert.Equal(0, host.Counters.Calls("VirtualNetworkTaps_Get"));
        Assert.Single(host.World.Azure.Subscriptions[0].VirtualNetworkTaps);
    }

    [Fact]
    public async Task The_generic_listing_filters_by_type_and_carries_no_properties()
    {
        await using var host = await EmulatorHost.StartAsync(Estate());
        using var arm = new ArmClient(host);
        var token = await arm.TokenAsync(Tenant, Client, Secret);

        var (status, body, response) = await arm.SendAsync(HttpMethod.Get,
            $"subscriptions/{SubA}/resources?$filter=resourceType%20eq%20'Microsoft.Network/virtualNetworkTaps'&api-version=2022-09-01", token);
        response.Dispose();

        Assert.Equal(200, status);
        var resource = Assert.Single(body.GetProperty("value").EnumerateArray());
        Assert.Equal("Microsoft.Network/virtualNetworkTaps", resource.GetProperty("type").GetString());
        Assert.False(resource.TryGetProperty("properties", out _));
    }

    [Fact]
    public async Task Tokens_need_the_right_secret_and_ARM_is_not_served_over_plain_http()
    {
        await using var host = await EmulatorHost.StartAsync(Estate());
        using var arm = new ArmClient(host);
        await Assert.ThrowsAsync<HttpRequestException>(() => arm.TokenAsync(Tenant, Client, "wrong"));

        using var plain = new HttpClient { BaseAddress = host.Endpoint };
        using var response = await plain.GetAsync(new Uri("subscriptions" + Api, UriKind.Relative));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("HttpsRequired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_certificate_names_the_loopback_address_and_its_thumbprint_is_published()
    {
        await using var host = await EmulatorHost.StartAsync(Estate());

        var names = host.Certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains(System.Net.IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.Equal(host.Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), host.CertificateThumbprint);
        Assert.Equal("https", host.HttpsEndpoint.Scheme);
        Assert.NotEqual(host.Endpoint.Port, host.HttpsEndpoint.Port);
    }

    [Theory]
    [InlineData("destinationPort: 4789", "needs exactly one of")]
    [InlineData("destinationNetworkInterfaceIPConfiguration: /not/an/id", "is not a network interface IP configuration id")]
    public void Invalid_azure_worlds_name_the_line(string line, string message)
    {
        var yaml = $"""
            azure:
              tenants:
                - id: {Tenant}
              subscriptions:
                - id: {SubA}
                  tenantId: {Tenant}
                  virtualNetworkTaps:
                    - name: vtap-1
                      resourceGroup: rg
                      {line}
            """;

        var error = Assert.Throws<WorldFormatException>(() => World.Parse(yaml, "azure.yaml"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(8, error.Line);
    }
}
