using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using PostureScan.Emulator;
using static PostureScan.Azure.Tests.AzureEstate;

namespace PostureScan.Azure.Tests;

/// <summary>The SDK's own generic resource listing ($filter=resourceType eq ...) and paging against the emulator.</summary>
public sealed class GenericResourceTests
{
    [Fact]
    public async Task The_sdk_lists_taps_by_type_across_pages_and_reads_one_by_id()
    {
        var taps = Enumerable.Range(0, 5).Select(i => TapToNic($"vtap-{i}", NicId(Prod, "nic-c"))).ToList();
        var prod = Subscription(Prod) with { VirtualNetworkTaps = taps, NetworkInterfaces = [Nic(Prod, "nic-c", "10.0.0.4")] };
        await using var host = await EmulatorHost.StartAsync(World(2, prod));
        using var handler = PinnedCertificate.Handler(host.CertificateThumbprint);
        using var http = new HttpClient(handler);
        var transport = new HttpClientTransport(http);
        var credential = new ClientSecretCredential(Tenant, ClientId, Secret, new ClientSecretCredentialOptions
        {
            AuthorityHost = host.HttpsEndpoint,
            DisableInstanceDiscovery = true,
            Transport = transport,
        });
        var options = new ArmClientOptions { Environment = new ArmEnvironment(host.HttpsEndpoint, "https://management.azure.com/"), Transport = transport };
        options.SetApiVersion(new ResourceType("Microsoft.Network/virtualNetworkTaps"), "2024-05-01");
        var arm = new ArmClient(credential, Prod, options);

        var subscription = arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(Prod));
        var listed = new List<GenericResource>();
        await foreach (var resource in subscription.GetGenericResourcesAsync(filter: "resourceType eq 'Microsoft.Network/virtualNetworkTaps'"))
        {
            listed.Add(resource);
        }

        var read = await arm.GetGenericResource(listed[0].Id).GetAsync();

        Assert.Equal(5, listed.Count);
        Assert.Equal(3, host.Counters.Calls("Resources_List"));
        Assert.All(listed, r => Assert.Equal("Microsoft.Network/virtualNetworkTaps", r.Data.ResourceType.ToString()));
        using var properties = System.Text.Json.JsonDocument.Parse(read.Value.Data.Properties);
        Assert.Equal(4789, properties.RootElement.GetProperty("destinationPort").GetInt32());
        Assert.Equal("secops", read.Value.Data.Tags["owner"]);
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }
}
