using System.Text;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using PostureScan.TestKit;

namespace PostureScan.Tests.Delivery;

/// <summary>
/// An emulated AWS account whose mirrors all go to an unapproved destination (one finding or more each), a
/// configuration with one webhook sink whose URL and HMAC key come from environment variables, and the
/// commands a user runs against it.
/// </summary>
internal sealed class DeliveryEstate : IAsyncDisposable
{
    public const string UrlVariable = "POSTURESCAN_TEST_HOOK_URL";
    public const string SecretVariable = "POSTURESCAN_TEST_HOOK_SECRET";

    private readonly EmulatorHost host;

    private DeliveryEstate(EmulatorHost host) => this.host = host;

    public TemporaryDirectory Dir { get; } = new();

    public string Db => Dir.File("delivery.db");

    public string Config => Dir.File("config.json");

    public static string Policy => Path.Combine(AppContext.BaseDirectory, "policies", "default.yaml");

    public static async Task<DeliveryEstate> StartAsync(int mirrors, string delivery)
    {
        var world = new StringBuilder("""
            aws:
              credentials:
                - { accessKeyId: AKIATESTDELIVERY0001, secretAccessKey: x, account: "111111111111" }
              accounts:
                - id: "111111111111"
                  regions:
                    - name: us-east-1
                      targets: [{ id: tmt-1, type: network-interface, networkInterfaceId: eni-t1 }]
                      filters: [{ id: tmf-1, rules: [{ direction: ingress, ruleNumber: 1, action: accept }] }]
                      sessions:

            """);
        for (var i = 0; i < mirrors; i++)
        {
            world.Append($"            - {{ id: tms-{i}, targetId: tmt-1, filterId: tmf-1, networkInterfaceId: eni-s{i}, sessionNumber: 1 }}\n");
        }

        var estate = new DeliveryEstate(await EmulatorHost.StartAsync(World.Parse(world.ToString(), "delivery.yaml")));
        await File.WriteAllTextAsync(estate.Config, $$"""
            {
              "Aws": { "ServiceUrl": "{{estate.host.Endpoint}}", "AccessKeyId": "AKIATESTDELIVERY0001", "SecretAccessKey": "x", "MaxRetries": 1, "Regions": ["us-east-1"] },
              "Delivery": {{delivery}}
            }
            """);
        return estate;
    }

    /// <summary>A webhook sink of new findings, its URL and key from the environment.</summary>
    public static string Webhook(int maxAttempts, int batch, int scanWaitSeconds = 600) => $$"""
        { "MaxAttempts": {{maxAttempts}}, "BaseDelayMs": 50, "MaxDelaySeconds": 1, "ScanWaitSeconds": {{scanWaitSeconds}},
          "Sinks": [ { "Name": "hooks", "Type": "webhook", "UrlFromEnv": "{{UrlVariable}}", "SecretFromEnv": "{{SecretVariable}}",
                       "Events": [ "newFinding" ], "MaxBatchSize": {{batch}} } ] }
        """;

    public static Dictionary<string, string> Environment(Uri url, string secret) =>
        new() { [UrlVariable] = url.AbsoluteUri, [SecretVariable] = secret };

    public string[] Scan(params string[] more) => ["scan", "--config", Config, "--db", Db, "--policy", Policy, .. more];

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        Dir.Dispose();
    }
}
