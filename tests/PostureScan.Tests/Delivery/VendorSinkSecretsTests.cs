using System.Text;
using System.Text.Json;
using PostureScan.TestKit.Http;

namespace PostureScan.Tests.Delivery;

/// <summary>
/// The Sumo Logic URL, the Splunk token and the Slack URL, given through the environment, appear in no
/// output of the CLI (scan, outbox list, reports, exports), in no file it writes (the store included) and in
/// no request body, through refused sends, dead letters, a retry and the final delivery.
/// </summary>
public sealed class VendorSinkSecretsTests
{
    private const string SumoToken = "SUMOTOKEN-a41c9e07";
    private const string HecToken = "HECTOKEN-5d0b7f12";
    private const string SlackToken = "SLACKTOKEN-c3e8a960";

    [Fact]
    public async Task No_sink_secret_appears_in_any_output_file_or_body()
    {
        int port;
        await using (var probe = await RecordingReceiver.StartAsync())
        {
            port = probe.Port; // closed again: every send is refused until a receiver listens there
        }

        var delivery = $$"""
            { "MaxAttempts": 2, "BaseDelayMs": 50, "MaxDelaySeconds": 1, "ScanWaitSeconds": 600,
              "Sinks": [
                { "Name": "sumo", "Type": "sumologic", "UrlFromEnv": "PS_TEST_SUMO_URL", "Events": ["newFinding", "runSummary"] },
                { "Name": "splunk", "Type": "splunk", "Url": "http://127.0.0.1:{{port}}/", "TokenFromEnv": "PS_TEST_HEC_TOKEN", "Events": ["newFinding"] },
                { "Name": "chat", "Type": "slack", "UrlFromEnv": "PS_TEST_SLACK_URL" } ] }
            """;
        await using var estate = await DeliveryEstate.StartAsync(mirrors: 2, delivery);
        var environment = new Dictionary<string, string>
        {
            ["PS_TEST_SUMO_URL"] = $"http://127.0.0.1:{port}/receiver/v1/http/{SumoToken}",
            ["PS_TEST_HEC_TOKEN"] = HecToken,
            ["PS_TEST_SLACK_URL"] = $"http://127.0.0.1:{port}/services/T0/B0/{SlackToken}",
        };
        var outputs = new List<(string What, string Text)>();
        async Task<(int Exit, string Out, string Err)> Run(params string[] args)
        {
            var result = await CliProcess.RunWithEnvironmentAsync(estate.Dir.Path, environment, args);
            outputs.Add((string.Join(' ', args.Take(3)), result.Out + result.Err));
            return result;
        }

        var refused = await Run(estate.Scan());
        Assert.True(refused.Exit == 0, refused.Err);
        foreach (var sink in new[] { "sumo", "splunk", "chat" })
        {
            Assert.Contains($"Delivery to {sink}:", refused.Err, StringComparison.Ordinal);
        }

        var dead = await Run("outbox", "list", "--db", estate.Db, "--json", "--state", "dead");
        using (var rows = JsonDocument.Parse(dead.Out))
        {
            var sinks = rows.RootElement.EnumerateArray().Select(r => r.GetProperty("sink").GetString()).ToHashSet();
            Assert.True(sinks.SetEquals(["sumo", "splunk", "chat"]), dead.Out);
        }

        Assert.Equal(0, (await Run("outbox", "list", "--db", estate.Db)).Exit);
        foreach (var format in new[] { "html", "json" })
        {
            Assert.Equal(0, (await Run("report", "--db", estate.Db, "--format", format, "--out", estate.Dir.File($"report.{format}"))).Exit);
        }

        Assert.Equal(0, (await Run("export", "--db", estate.Db, "--format", "json", "--out", estate.Dir.File("export.json"))).Exit);

        // Queued again, and delivered once a receiver listens on the port.
        Assert.Equal(0, (await Run("outbox", "retry", "--db", estate.Db, "--all-dead")).Exit);
        await using var receiver = await RecordingReceiver.StartAsync(port);
        var delivered = await Run(estate.Scan());
        Assert.True(delivered.Exit == 0, delivered.Err);
        var requests = receiver.Requests;
        Assert.Contains(requests, r => r.Path == $"/receiver/v1/http/{SumoToken}" && r.Header("X-Sumo-Category") == "security/posturescan");
        Assert.Contains(requests, r => r.Path == "/services/collector/event" && r.Header("Authorization") == $"Splunk {HecToken}");
        Assert.Contains(requests, r => r.Path == $"/services/T0/B0/{SlackToken}" && r.BodyText.Contains("PostureScan run", StringComparison.Ordinal));

        foreach (var file in Directory.EnumerateFiles(estate.Dir.Path).Where(f => !f.EndsWith("config.json", StringComparison.Ordinal)))
        {
            outputs.Add((Path.GetFileName(file), Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file))));
        }

        outputs.AddRange(requests.Select(r => ($"body of {r.Method} {r.Sequence}", r.BodyText)));
        Assert.Contains(outputs, o => o.What == "delivery.db");
        foreach (var (what, text) in outputs)
        {
            foreach (var secret in new[] { SumoToken, HecToken, SlackToken })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{secret} is in {what}");
            }
        }
    }
}
