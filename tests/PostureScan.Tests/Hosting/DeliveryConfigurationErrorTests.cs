using PostureScan.Cli;
using PostureScan.Hosting;
using PostureScan.TestKit;

namespace PostureScan.Tests.Hosting;

/// <summary>
/// Every refusal of a Delivery setting names where it was written (file, line and column, or environment
/// variable), as Serve's and Store's do: the sink's key itself, or the sink's entry when a required key is missing.
/// </summary>
public sealed class DeliveryConfigurationErrorTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["HOOK_URL"] = "https://hooks.example/from-env",
        ["FTP_URL"] = "ftp://hooks.example/in",
        ["BAD_TOKEN"] = "t0k3n\r\nX-Injected: 1",
    };

    /// <summary>A sink's fields (single quotes for double), a line of Delivery's own settings before the sinks, and the expected error after the file's name.</summary>
    public static TheoryData<string, string?, string> Refused => new()
    {
        { "'Name': 'soar', 'Type': 'pagerduty', 'Url': 'https://hooks.example/in'", null, "(4,25): Delivery:Sinks:0:Type 'pagerduty' is not one of webhook, sumologic, splunk, slack" },
        { "'Name': 'soar', 'Url': 'https://hooks.example/in'", null, "(4,7): Delivery:Sinks:0 has no Type: one of webhook, sumologic, splunk, slack" },
        { "'Type': 'webhook', 'Url': 'https://hooks.example/in'", null, "(4,7): Delivery:Sinks:0 has no Name: every sink needs one, of at most 100 characters (its outbox rows are kept under it)" },
        { "'Name': 'soar', 'Type': 'webhook'", null, "(4,7): Delivery:Sinks:0 has no Url: Url or UrlFromEnv is required for type webhook" },
        { "'Name': 'soar', 'Type': 'webhook', 'Url': 'ftp://hooks.example/in'", null, "(4,44): Delivery:Sinks:0:Url is not an absolute http or https URL" },
        { "'Name': 'soar', 'Type': 'webhook', 'UrlFromEnv': 'NOT_SET'", null, "(4,44): Delivery:Sinks:0:UrlFromEnv names environment variable 'NOT_SET', which is not set" },
        { "'Name': 'soar', 'Type': 'webhook', 'UrlFromEnv': 'FTP_URL'", null, "(4,44): Delivery:Sinks:0:UrlFromEnv names environment variable 'FTP_URL', which does not hold an absolute http or https URL" },
        { "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://hooks.example/in', 'UrlFromEnv': 'HOOK_URL'", null, "(4,44): Delivery:Sinks:0:Url is set beside UrlFromEnv: give Url or UrlFromEnv, not both" },
        { "'Name': 'soar', 'Type': 'webhook', 'SecretFromEnv': 'NOT_SET', 'Url': 'https://hooks.example/in'", null, "(4,44): Delivery:Sinks:0:SecretFromEnv names environment variable 'NOT_SET', which is not set" },
        { "'Name': 'hec', 'Type': 'splunk', 'Url': 'https://hooks.example/in'", null, "(4,7): Delivery:Sinks:0 has no Token: Token or TokenFromEnv is required for type splunk" },
        { "'Name': 'hec', 'Type': 'splunk', 'TokenFromEnv': 'BAD_TOKEN', 'Url': 'https://hooks.example/in'", null, "(4,42): Delivery:Sinks:0:TokenFromEnv is refused: Splunk HEC sink 'hec': Token must be non-empty printable ASCII (value not shown: it is a secret)." },
        { "'Name': 'hec', 'Type': 'splunk', 'Token': 't0k3n', 'MaxBodyBytes': 10, 'Url': 'https://hooks.example/in'", null, "(4,60): Delivery:Sinks:0:MaxBodyBytes is refused: Splunk HEC sink 'hec': MaxBodyBytes must be between 1024 and 100000000." },
        { "'Name': 'sumo', 'Type': 'sumologic', 'Category': 'a\\u0007b', 'Url': 'https://hooks.example/in'", null, "(4,46): Delivery:Sinks:0:Category is refused: Sumo Logic sink 'sumo': Category must be non-empty printable ASCII (got 3 characters)." },
        { "'Name': 'chat', 'Type': 'slack', 'MaxFindings': 60, 'Url': 'https://hooks.example/in'", null, "(4,42): Delivery:Sinks:0:MaxFindings is refused: Slack sink 'chat': MaxFindings must be between 0 and 50." },
        { "'Name': 'chat', 'Type': 'slack', 'Events': [ 'runSummary', 'newFinding' ], 'Url': 'https://hooks.example/in'", null, "(4,68): Delivery:Sinks:0:Events:1 'newFinding': a slack sink takes runSummary only" },
        { "'Name': 'soar', 'Type': 'webhook', 'MinSeverity': '3', 'Url': 'https://hooks.example/in'", null, "(4,44): Delivery:Sinks:0:MinSeverity must be one of info, low, medium, high, critical, by name (sink 'soar' has '3')" },
        { "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://hooks.example/in', 'Events': [ 'newFinding', 'everything' ]", null, "(4,105): Delivery:Sinks:0:Events:1 'everything' is not one of newFinding, resolvedFinding, runSummary, scopeError" },
        { "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://hooks.example/in', 'MaxBatchSize': 501", null, "(4,79): Delivery:Sinks:0:MaxBatchSize must be between 1 and 500 (not 501)" },
        { "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://hooks.example/in', 'Index': 'main'", null, "(4,79): Delivery:Sinks:0:Index does not apply to type webhook, only to splunk" },
        { "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://hooks.example/in'", "'MaxAttempts': 0", "(3,5): Delivery:MaxAttempts must be between 1 and 100 (not 0)" },
        { "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://hooks.example/in'", "'TimeoutSeconds': 0", "(3,5): Delivery:TimeoutSeconds must be between 1 and 600 (not 0)" },
        { "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://hooks.example/in'", "'BaseDelayMs': 400000", "(3,5): Delivery:BaseDelayMs 400000 is longer than MaxDelaySeconds (300 s)" },
        { "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://hooks.example/in'", "'MaxDelaySeconds': 1", "(3,5): Delivery:MaxDelaySeconds 1 must not be shorter than BaseDelayMs (2000 ms)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_delivery_setting_that_cannot_be_used_names_the_file_and_position_it_was_written_at(string fields, string? delivery, string expected)
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scanner.json");
        File.WriteAllText(file, Settings(delivery, fields));

        var error = Assert.Throws<UsageException>(() => Create(file));

        Assert.Equal($"{file}{expected}", error.Message);
    }

    [Fact]
    public void A_second_sink_of_the_same_name_is_placed_at_its_own_name()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scanner.json");
        File.WriteAllText(file, Settings(null, "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://a.example/' },\n      { 'Type': 'webhook', 'Url': 'https://b.example/', 'Name': 'soar'"));

        var error = Assert.Throws<UsageException>(() => Create(file));

        Assert.Equal($"{file}(5,57): Delivery:Sinks:1:Name 'soar' is the name of an earlier sink too: each sink needs its own", error.Message);
    }

    [Fact]
    public void A_name_too_long_is_placed_at_the_name()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scanner.json");
        File.WriteAllText(file, Settings(null, $"'Type': 'webhook', 'Url': 'https://a.example/', 'Name': '{new string('n', 101)}'"));

        var error = Assert.Throws<UsageException>(() => Create(file));

        Assert.Equal($"{file}(4,57): Delivery:Sinks:0:Name is 101 characters long, more than 100", error.Message);
    }

    [Fact]
    public void Every_misplaced_field_is_placed_on_a_line_of_its_own()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scanner.json");
        File.WriteAllText(file, Settings(null, "'Name': 'soar', 'Type': 'webhook', 'Url': 'https://a.example/',\n        'Source': 'ps',\n        'MaxFindings': 3"));

        var error = Assert.Throws<UsageException>(() => Create(file));

        Assert.Equal(
            $"{file}(5,9): Delivery:Sinks:0:Source does not apply to type webhook, only to splunk{System.Environment.NewLine}" +
            $"{file}(6,9): Delivery:Sinks:0:MaxFindings does not apply to type webhook, only to slack",
            error.Message);
    }

    [Theory]
    [InlineData(
        "Delivery__Sinks__0__Name=soar;Delivery__Sinks__0__Type=pagerduty",
        "environment variable POSTURESCAN__Delivery__Sinks__0__Type: Delivery:Sinks:0:Type 'pagerduty' is not one of webhook, sumologic, splunk, slack")]
    [InlineData(
        "Delivery__Sinks__0__Name=soar",
        "environment variables POSTURESCAN__Delivery__Sinks__0__*: Delivery:Sinks:0 has no Type: one of webhook, sumologic, splunk, slack")]
    [InlineData(
        "Delivery__Sinks__0__Name=soar;Delivery__Sinks__0__Type=webhook;Delivery__Sinks__0__Url=https://hooks.example/in;Delivery__MaxAttempts=500",
        "environment variable POSTURESCAN__Delivery__MaxAttempts: Delivery:MaxAttempts must be between 1 and 100 (not 500)")]
    public async Task Scan_names_the_environment_variable_that_set_a_refused_delivery_setting(string variables, string expected)
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("scanner.json"), """{ "Cisco": { "Directory": "devices" } }""");
        Directory.CreateDirectory(folder.File("devices"));
        var environment = variables.Split(';').Select(v => v.Split('=', 2)).ToDictionary(v => $"POSTURESCAN__{v[0]}", v => v[1]);

        var (exit, _, err) = await CliProcess.RunWithEnvironmentAsync(folder.Path, environment, "scan", "--config", "scanner.json", "--db", "scan.db");

        Assert.Equal(ExitCodes.UsageOrConfiguration, exit);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("scan.db")), "scan stopped before it opened the store");
    }

    private static DeliveryRuntime? Create(string file) =>
        DeliveryRuntime.Create(AppConfiguration.Load(new FileInfo(file)), name => Environment.GetValueOrDefault(name));

    /// <summary>One sink on the fourth line (its fields from the eighth column), after an optional line of Delivery's own.</summary>
    private static string Settings(string? delivery, string fields) =>
        "{\n  \"Delivery\": {" + (delivery is null ? "" : $"\n    {delivery.Replace('\'', '"')},") +
        "\n    \"Sinks\": [\n      { " + fields.Replace('\'', '"') + " }\n    ]\n  }\n}";
}
