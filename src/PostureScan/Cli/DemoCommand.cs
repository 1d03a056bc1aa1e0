using System.CommandLine;
using System.Text.Json.Nodes;
using PostureScan.Demo;
using PostureScan.Emulator;
using PostureScan.Emulator.Gcp;
using PostureScan.Emulator.Worlds;
using PostureScan.Cli.Reports;
using PostureScan.Hosting;
using PostureScan.Reporting;

namespace PostureScan.Cli;

/// <summary>
/// <c>posturescan demo [--out DIR] [--json]</c>: starts the emulator in-process with the bundled
/// sample estate, scans it through the real SDK clients, stores the run and prints what it found.
/// </summary>
internal static class DemoCommand
{
    private const int ReplayPort = 4566;
    private const int ReplayHttpsPort = 4567;
    private const string GcpDemoAccount = "posturescan@secops-ndr.iam.gserviceaccount.com";
    private const string GcpKeyName = "gcp-service-account.json";
    private const string GcpReplayKeyName = "gcp-service-account.replay.json";
    private const string AuditSourceName = "demo-audit-files";

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the demo's database, world file and configuration",
            DefaultValueFactory = _ => new DirectoryInfo("posturescan-demo"),
        };
        var json = CommonOptions.Json();
        var policy = new Option<FileInfo?>("--policy")
        {
            Description = "Policy to evaluate (default: the bundled sanctioned-NDR example, written to the output folder)",
        };
        var command = new Command("demo", "Scan the bundled sample estate in the built-in emulator and print the result") { output, json, policy };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(output)!;
            var asJson = parse.GetValue(json);
            dir.Create();
            var now = TimeProvider.System.GetUtcNow();
            var worldText = RelativeTimes.Render(DemoBundle.ReadText(DemoBundle.WorldName), now);
            var world = World.Parse(worldText, DemoBundle.WorldName);
            await using var emulator = await EmulatorHost.StartAsync(world, ct: ct);

            var database = Path.Combine(dir.FullName, "posturescan.db");
            var gcpKey = await WriteGcpKeysAsync(dir, emulator.Endpoint, ct);
            var devices = Path.Combine(dir.FullName, "devices");
            DemoBundle.WriteDevices(devices);
            var auditLogs = Path.Combine(dir.FullName, "audit");
            DemoBundle.WriteAuditLogs(auditLogs, now);
            await WriteReplayFilesAsync(dir, worldText, devices, auditLogs, ct);
            var policyPath = parse.GetValue(policy)?.FullName ?? Path.Combine(dir.FullName, DemoBundle.PolicyName);
            using var settings = DemoBundle.Open(DemoBundle.SettingsName);
            var configuration = AppConfiguration.Load(null, new Dictionary<string, string?>
            {
                ["Aws:ServiceUrl"] = emulator.Endpoint.ToString(),
                ["Azure:ArmEndpoint"] = emulator.HttpsEndpoint.ToString(),
                ["Azure:AuthorityHost"] = emulator.HttpsEndpoint.ToString(),
                ["Azure:TrustedCertificateThumbprint"] = emulator.CertificateThumbprint,
                ["Gcp:ComputeEndpoint"] = new Uri(emulator.Endpoint, "/compute/v1/").ToString(),
                ["Gcp:ResourceManagerEndpoint"] = emulator.Endpoint.ToString(),
                ["Gcp:CredentialFile"] = gcpKey,
                ["Cisco:Directory"] = devices,
                ["Audit:Sources:0:Name"] = AuditSourceName,
                ["Audit:Sources:0:Type"] = "files",
                ["Audit:Sources:0:Paths:0"] = auditLogs,
                ["Audit:Sources:1:Name"] = "demo-activity-log",
                ["Audit:Sources:1:Type"] = "azure-activity",
                ["Audit:Sources:2:Name"] = "demo-cloud-logging",
                ["Audit:Sources:2:Type"] = "gcp-logging",
                ["Audit:Sources:2:Endpoint"] = emulator.Endpoint.ToString(),
            }, settings);

            var exit = await ScanRunner.RunAsync(new ScanRequest(configuration, [], database, asJson, policyPath), TimeProvider.System, ct);
            var report = Path.Combine(dir.FullName, "report.html");
            var data = await StoreReports.LoadAsync(database, "latest", TimeProvider.System, ct);
            await StoreReports.WriteAsync(StoreReports.Writer(ReportWriters.Reports, "html"), data, report, ct);

            var log = asJson ? Console.Error : Console.Out;
            await log.WriteLineAsync($"""

                Emulator on {emulator.Endpoint} served {emulator.Counters.TotalCalls} read calls and refused {emulator.Counters.TotalRejectedWrites} write calls.
                Database:      {database}
                Report:        {report}
                Device files:  {devices}
                Audit logs:    {auditLogs}
                Policy:        {policyPath}
                World file:    {Path.Combine(dir.FullName, DemoBundle.WorldName)}
                Configuration: {Path.Combine(dir.FullName, "posturescan.json")}
                To replay by hand:
                  posturescan emulator --world {Path.Combine(dir.FullName, DemoBundle.WorldName)} --port {ReplayPort} --https-port {ReplayHttpsPort} &
                  export POSTURESCAN__Azure__TrustedCertificateThumbprint=<the SHA-256 the emulator prints>
                  posturescan scan --config {Path.Combine(dir.FullName, "posturescan.json")} --db {database} --policy {policyPath}
                  posturescan show tms-0db0000000000bad1 --db {database}
                """);
            return exit;
        });
        return command;
    }

    /// <summary>
    /// A service-account key made for this demo, as Google's console would download it, but with its
    /// token_uri at the emulator: one for this run, one for the replay port. Returns the first's path.
    /// </summary>
    private static async Task<string> WriteGcpKeysAsync(DirectoryInfo dir, Uri endpoint, CancellationToken ct)
    {
        var key = GcpServiceAccountKey.Generate(GcpDemoAccount, "secops-ndr");
        var live = Path.Combine(dir.FullName, GcpKeyName);
        await File.WriteAllTextAsync(live, key.ToKeyFileJson(GcpServiceAccountKey.TokenUri(endpoint)), ct);
        var replay = new Uri($"http://127.0.0.1:{ReplayPort}/");
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, GcpReplayKeyName), key.ToKeyFileJson(GcpServiceAccountKey.TokenUri(replay)), ct);
        return live;
    }

    /// <summary>Leaves the world and a matching configuration beside the database, to edit and re-run.</summary>
    private static async Task WriteReplayFilesAsync(DirectoryInfo dir, string worldText, string devices, string auditLogs, CancellationToken ct)
    {
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, DemoBundle.WorldName), worldText, ct);
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, DemoBundle.PolicyName), DemoBundle.ReadText(DemoBundle.PolicyName), ct);
        var settings = JsonNode.Parse(DemoBundle.ReadText(DemoBundle.SettingsName))!;
        settings["Aws"]!["ServiceUrl"] = $"http://127.0.0.1:{ReplayPort}/";
        // The emulator makes a new certificate at every start: its thumbprint comes from the environment.
        settings["Azure"]!["ArmEndpoint"] = $"https://127.0.0.1:{ReplayHttpsPort}/";
        settings["Azure"]!["AuthorityHost"] = $"https://127.0.0.1:{ReplayHttpsPort}/";
        settings["Gcp"]!["ComputeEndpoint"] = $"http://127.0.0.1:{ReplayPort}/compute/v1/";
        settings["Gcp"]!["ResourceManagerEndpoint"] = $"http://127.0.0.1:{ReplayPort}/";
        settings["Gcp"]!["CredentialFile"] = Path.Combine(dir.FullName, GcpReplayKeyName);
        settings["Cisco"]!["Directory"] = devices;
        settings["Audit"] = new JsonObject
        {
            ["Sources"] = new JsonArray(
                new JsonObject { ["Name"] = AuditSourceName, ["Type"] = "files", ["Paths"] = new JsonArray(auditLogs) },
                new JsonObject { ["Name"] = "demo-activity-log", ["Type"] = "azure-activity" },
                new JsonObject { ["Name"] = "demo-cloud-logging", ["Type"] = "gcp-logging", ["Endpoint"] = $"http://127.0.0.1:{ReplayPort}/" }),
        };
        await File.WriteAllTextAsync(
            Path.Combine(dir.FullName, "posturescan.json"),
            settings.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }),
            ct);
    }
}
