using System.Text;
using PostureScan.Aws;
using PostureScan.Cli;
using PostureScan.Hosting;
using PostureScan.Serve;
using PostureScan.TestKit;

namespace PostureScan.Tests.Hosting;

/// <summary>A setting the scanner does not know is an error that says where it was written.</summary>
public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("Scan:MaxConcurency", 4, 13)]
    [InlineData("aws:accounts:1:nmae", 3, 76)]
    [InlineData("Aws:Accounts:0:Id", 3, 28)]
    [InlineData("Aws", 3, 3)]
    public void Json_keys_are_found_at_their_line_and_column(string key, long line, long column)
    {
        var at = JsonKeyLocator.Find(Encoding.UTF8.GetBytes(Settings), key);

        Assert.Equal((line, column), at);
    }

    [Fact]
    public void Positions_skip_a_byte_order_mark_and_count_characters_not_bytes()
    {
        var json = Encoding.UTF8.Preamble.ToArray().Concat(Encoding.UTF8.GetBytes("{ \"Aws\": { \"Accounts\": [ { \"Name\": \"Zürich\", \"Nmae\": \"x\" } ] } }")).ToArray();

        Assert.Equal((1L, 46L), JsonKeyLocator.Find(json, "Aws:Accounts:0:Nmae"));
    }

    [Theory]
    [InlineData("Scan:Colour")]
    [InlineData("Aws:Accounts:2:Id")]
    [InlineData("Aws:Accounts:Id")]
    public void Json_keys_not_written_have_no_position(string key)
    {
        Assert.Null(JsonKeyLocator.Find(Encoding.UTF8.GetBytes(Settings), key));
    }

    [Fact]
    public void An_unknown_key_in_a_file_names_the_file_its_position_and_the_full_key()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scanner.json");
        File.WriteAllText(file, Settings);
        var configuration = AppConfiguration.Load(new FileInfo(file));

        var scan = Assert.Throws<UsageException>(() => AppConfiguration.Bind<ScanSettings>(configuration, "Scan"));
        var aws = Assert.Throws<UsageException>(() => AppConfiguration.Bind<AwsOptions>(configuration, "Aws"));

        Assert.Equal($"{file}(4,13): unknown setting 'Scan:MaxConcurency' (no such key in section 'Scan')", scan.Message);
        Assert.Equal($"{file}(3,76): unknown setting 'Aws:Accounts:1:Nmae' (no such key in section 'Aws')", aws.Message);
    }

    [Fact]
    public void A_file_that_is_not_json_names_the_file_line_and_position()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scanner.json");
        File.WriteAllText(file, "{\n  \"Scan\": { \"MaxConcurrency\": 3 \n");

        var error = Assert.Throws<UsageException>(() => AppConfiguration.Load(new FileInfo(file)));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("Line 3, position 1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_from_the_environment_names_the_variable()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("scanner.json"), """{ "Cisco": { "Directory": "devices" } }""");

        var (exit, _, err) = await CliProcess.RunWithEnvironmentAsync(
            folder.Path,
            new Dictionary<string, string> { ["POSTURESCAN__Scan__Colour"] = "blue" },
            "scan", "--config", "scanner.json", "--db", "scan.db");

        Assert.Equal(ExitCodes.UsageOrConfiguration, exit);
        Assert.Contains("environment variable POSTURESCAN__Scan__Colour: unknown setting 'Scan:Colour'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_that_cannot_be_used_names_the_file_and_position_it_was_written_at()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("serve.json");
        File.WriteAllText(file, """
            {
              "Store": { "Database": "mysql" },
              "Serve": { "ScanCron": "every night at two" }
            }
            """);
        var configuration = AppConfiguration.Load(new FileInfo(file));
        var serve = AppConfiguration.Bind<ServeSettings>(configuration, "Serve");

        var cron = Assert.Throws<UsageException>(() => AppConfiguration.Check(configuration, () => ServeSchedule.Validate(serve, new ScanSettings())));
        var store = Assert.Throws<UsageException>(() => RunStores.Locate(null, configuration));

        Assert.StartsWith($"{file}(3,14): Serve:ScanCron 'every night at two' is not a Quartz cron expression", cron.Message, StringComparison.Ordinal);
        Assert.Equal($"{file}(2,14): Store:Database 'mysql' is neither sqlite nor postgres", store.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_where_it_was_written_and_what_it_must_be()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scanner.json");
        File.WriteAllText(file, "{\n  \"Scan\": { \"MaxConcurrency\": \"lots\" }\n}\n");
        var configuration = AppConfiguration.Load(new FileInfo(file));

        var error = Assert.Throws<UsageException>(() => AppConfiguration.Bind<ScanSettings>(configuration, "Scan"));

        Assert.Equal($"{file}(2,13): 'Scan:MaxConcurrency' must be a whole number, not 'lots'", error.Message);
    }

    [Theory]
    [InlineData("aws", """{ "Aws": { "PageSize": 3 } }""", "configuration section 'Aws': Aws:PageSize 3 must be between 5 and 1000")]
    [InlineData("aws", """{ "Aws": { "RetryMode": "eager" } }""", "configuration section 'Aws': Aws:RetryMode 'eager' is neither standard nor adaptive")]
    [InlineData("gcp", """{ "Gcp": { "PageSize": 900 } }""", "configuration section 'Gcp': Gcp:PageSize 900 must be between 1 and 500")]
    public void A_provider_setting_out_of_its_range_is_refused_not_quietly_changed(string provider, string json, string expected)
    {
        var error = Assert.Throws<UsageException>(() => ProviderRegistry.Create(FromJson(json), TimeProvider.System, [provider]));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_refusal_does_not_name_a_code_parameter()
    {
        var error = Assert.Throws<UsageException>(() => ProviderRegistry.Create(
            FromJson("""{ "Azure": { "TenantId": "00000000-0000-0000-0000-000000000001", "ClientId": "app" } }"""), TimeProvider.System, ["azure"]));

        Assert.StartsWith("configuration section 'Azure': ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Configuration.IConfiguration FromJson(string json) =>
        AppConfiguration.Load(null, embeddedJson: new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_default_setting_that_cannot_be_used_keeps_its_message()
    {
        // Nothing set the key, so there is no place to name; the check's own message stands.
        var configuration = AppConfiguration.Load(null);
        var serve = new ServeSettings { TimeZone = "Mars/Olympus_Mons" };

        var error = Assert.Throws<SettingException>(() => AppConfiguration.Check(configuration, () => ServeSchedule.Validate(serve, new ScanSettings())));

        Assert.Equal("Serve:TimeZone 'Mars/Olympus_Mons' is not a known time zone", error.Message);
    }

    [Fact]
    public async Task Serve_names_the_environment_variable_that_set_an_unknown_time_zone()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(folder.File("serve.json"), """{ "Cisco": { "Directory": "devices" }, "Serve": { "MetricsPort": 0 } }""");
        Directory.CreateDirectory(folder.File("devices"));

        var (exit, _, err) = await CliProcess.RunWithEnvironmentAsync(
            folder.Path,
            new Dictionary<string, string> { ["POSTURESCAN__Serve__TimeZone"] = "Mars/Olympus_Mons" },
            "serve", "--config", "serve.json", "--db", "serve.db");

        Assert.Equal(ExitCodes.UsageOrConfiguration, exit);
        Assert.Contains("environment variable POSTURESCAN__Serve__TimeZone: Serve:TimeZone 'Mars/Olympus_Mons' is not a known time zone", err, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("serve.db")), "serve stopped before it opened the store");
    }

    // Comments are allowed in settings files, and count as lines.
    private const string Settings = """
        {
          // nightly
          "Aws": { "Accounts": [ { "Id": "111122223333" }, { "Id": "444455556666", "Nmae": "prod" } ] },
          "Scan": { "MaxConcurency": 3 }
        }
        """;
}
