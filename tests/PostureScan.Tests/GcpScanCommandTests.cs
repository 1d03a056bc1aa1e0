using System.Text.Json;
using PostureScan.Emulator;
using PostureScan.Emulator.Gcp;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests;

/// <summary><c>scan --provider gcp</c> through the executable, with a service-account key and the emulator.</summary>
public sealed class GcpScanCommandTests
{
    private const string Email = "scanner@prj-sec-tooling.iam.gserviceaccount.com";

    private static string World(GcpServiceAccountKey key) => $$"""
        aws:
          credentials:
            - { accessKeyId: AKIATESTCLI000000002, secretAccessKey: x, account: "111111111111" }
          accounts:
            - id: "111111111111"
              regions:
                - name: us-east-1
                  targets: [{ id: tmt-1, type: network-interface, networkInterfaceId: eni-t1 }]
                  filters: [{ id: tmf-1, rules: [{ direction: ingress, ruleNumber: 1, action: accept }] }]
                  sessions: [{ id: tms-1, targetId: tmt-1, filterId: tmf-1, networkInterfaceId: eni-s1, sessionNumber: 1 }]
        gcp:
          serviceAccounts:
            - email: {{Email}}
              publicKey: |
        {{string.Join('\n', key.PublicKeyPem.ReplaceLineEndings("\n").Split('\n').Select(l => "        " + l))}}
          projects:
            - id: prj-shop-prod
              regions:
                - name: us-central1
                  forwardingRules: [{ name: fr-ndr, ipAddress: 10.1.0.9, network: vpc }]
                  packetMirrorings:
                    - { name: pm-web, network: vpc, collectorIlb: fr-ndr, mirroredResources: { tags: [web] } }
                - name: europe-west1
        """;

    [Fact]
    public async Task Scan_with_provider_gcp_stores_gcp_sessions_and_a_full_scan_stores_them_beside_aws()
    {
        using var dir = new TemporaryDirectory();
        var key = GcpServiceAccountKey.Generate(Email, "prj-sec-tooling");
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World(key), "test.yaml"));
        await File.WriteAllTextAsync(dir.File("key.json"), key.ToKeyFileJson(GcpServiceAccountKey.TokenUri(host.Endpoint)));
        await File.WriteAllTextAsync(dir.File("config.json"), JsonSerializer.Serialize(new
        {
            Aws = new { ServiceUrl = host.Endpoint.ToString(), AccessKeyId = "AKIATESTCLI000000002", SecretAccessKey = "x", Regions = new[] { "us-east-1" } },
            Gcp = new
            {
                CredentialFile = dir.File("key.json"),
                ComputeEndpoint = new Uri(host.Endpoint, "/compute/v1/").ToString(),
                ResourceManagerEndpoint = host.Endpoint.ToString(),
            },
        }));

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", dir.File("config.json"), "--provider", "gcp", "--db", dir.File("s.db"), "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        using (var json = JsonDocument.Parse(stdout))
        {
            var scopes = json.RootElement.GetProperty("scopes").EnumerateArray().ToList();
            Assert.Equal(["europe-west1", "us-central1"], scopes.Select(s => s.GetProperty("region").GetString()));
            Assert.All(scopes, s => Assert.Equal(("gcp", "prj-shop-prod", "ok"), (s.GetProperty("provider").GetString(), s.GetProperty("scope").GetString(), s.GetProperty("status").GetString())));
            Assert.Equal(1, json.RootElement.GetProperty("sessions").GetProperty("gcp").GetInt32());
        }

        (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", dir.File("config.json"), "--db", dir.File("s.db"), "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        await using var store = await SqliteRunStore.OpenAsync(dir.File("s.db"), TimeProvider.System, CancellationToken.None);
        var run = await store.GetLatestRunAsync(CancellationToken.None);
        Assert.Equal(["aws", "gcp"], run!.Sessions.Select(s => s.Scope.Provider).Order(StringComparer.Ordinal));
        var gcp = Assert.Single(run.Sessions, s => s.Scope.Provider == "gcp");
        Assert.Equal("pm-web", gcp.Name);
        Assert.Equal("10.1.0.9", gcp.Target!.Address);
        Assert.Contains("compute#packetMirroring", gcp.RawJson, StringComparison.Ordinal);
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }
}
