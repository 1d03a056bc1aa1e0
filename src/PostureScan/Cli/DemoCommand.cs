using System.CommandLine;
using System.Text.Json.Nodes;
using PostureScan.Demo;
using PostureScan.Emulator;
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

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the demo's database, world file and configuration",
            DefaultValueFactory = _ => new DirectoryInfo("posturescan-demo"),
        };
        var json = CommonOptions.Json();
        var command = new Command("demo", "Scan the bundled sample estate in the built-in emulator and print the result") { output, json };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(output)!;
            var asJson = parse.GetValue(json);
            dir.Create();
            var world = World.Parse(DemoBundle.ReadText(DemoBundle.WorldName), DemoBundle.WorldName);
            await using var emulator = await EmulatorHost.StartAsync(world, ct: ct);

            var database = Path.Combine(dir.FullName, "posturescan.db");
            var devices = Path.Combine(dir.FullName, "devices");
            DemoBundle.WriteDevices(devices);
            await WriteReplayFilesAsync(dir, devices, ct);
            using var settings = DemoBundle.Open(DemoBundle.SettingsName);
            var configuration = AppConfiguration.Load(null, new Dictionary<string, string?>
            {
                ["Aws:ServiceUrl"] = emulator.Endpoint.ToString(),
                ["Cisco:Directory"] = devices,
            }, settings);

            var exit = await ScanRunner.RunAsync(new ScanRequest(configuration, [], database, asJson), TimeProvider.System, ct);
            var report = Path.Combine(dir.FullName, "report.html");
            var data = await StoreReports.LoadAsync(database, "latest", TimeProvider.System, ct);
            await StoreReports.WriteAsync(StoreReports.Writer(ReportWriters.Reports, "html"), data, report, ct);

            var log = asJson ? Console.Error : Console.Out;
            await log.WriteLineAsync($"""

                Emulator on {emulator.Endpoint} served {emulator.Counters.TotalCalls} read calls and refused {emulator.Counters.TotalRejectedWrites} write calls.
                Database:      {database}
                Report:        {report}
                Device files:  {devices}
                World file:    {Path.Combine(dir.FullName, DemoBundle.WorldName)}
                Configuration: {Path.Combine(dir.FullName, "posturescan.json")}
                To replay by hand:
                  posturescan emulator --world {Path.Combine(dir.FullName, DemoBundle.WorldName)} --port {ReplayPort} &
                  posturescan scan --config {Path.Combine(dir.FullName, "posturescan.json")} --db {database}
                """);
            return exit;
        });
        return command;
    }

    /// <summary>Leaves the world and a matching configuration beside the database, to edit and re-run.</summary>
    private static async Task WriteReplayFilesAsync(DirectoryInfo dir, string devices, CancellationToken ct)
    {
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, DemoBundle.WorldName), DemoBundle.ReadText(DemoBundle.WorldName), ct);
        var settings = JsonNode.Parse(DemoBundle.ReadText(DemoBundle.SettingsName))!;
        settings["Aws"]!["ServiceUrl"] = $"http://127.0.0.1:{ReplayPort}/";
        settings["Cisco"] = new JsonObject { ["Directory"] = devices };
        await File.WriteAllTextAsync(
            Path.Combine(dir.FullName, "posturescan.json"),
            settings.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }),
            ct);
    }
}
