using Microsoft.Extensions.Time.Testing;
using PostureScan.Emulator.Worlds;
using PostureScan.TestKit;

namespace PostureScan.Emulator.Tests;

/// <summary>World files: what they describe, and errors that say where the file is wrong.</summary>
public sealed class WorldFileTests
{
    [Fact]
    public void The_fixture_world_loads_with_its_defaults()
    {
        var world = TestWorlds.Fixture();

        var tooling = world.Aws.Accounts.Single(a => a.Id == TestWorlds.ToolingAccount);
        var usEast = tooling.Regions.Single(r => r.Name == "us-east-1");
        Assert.Equal(AwsOptInStatus.NotRequired, usEast.OptInStatus);
        Assert.Equal(3, usEast.Filters[0].Rules.Count);
        Assert.Equal("0.0.0.0/0", usEast.Filters[0].Rules[0].SourceCidrBlock);
        Assert.Equal("secops", usEast.Targets[0].Tags["team"]);
        Assert.Equal(1, tooling.Regions.Single(r => r.Name == "us-west-2").Faults!.ThrottleBurst);
        Assert.Equal("posture-2f6c", world.Aws.Accounts[1].Roles[0].ExternalId);
    }

    [Theory]
    [InlineData("aws:\n  accounts:\n    - id: \"111122223333\"\n      colour: blue\n", 4, 7, "unknown key 'colour' in an account")]
    [InlineData("aws:\n  accounts:\n    - id: \"111122223333\"\n      regions:\n        - name: us-east-1\n          sessions:\n            - id: tms-1\n              packetLen: 3\n", 8, 15, "unknown key 'packetLen' in a session")]
    [InlineData("aws:\n  accounts: [\n", 3, 1, "")]
    [InlineData("aws:\n  accounts:\n    - id: \"111122223333\"\n      regions:\n        - name: us-east-1\n          faults: { latencyMs: soon }\n", 6, 32, "soon")]
    public void Yaml_errors_name_line_and_column(string yaml, int line, int column, string detail)
    {
        var error = Assert.Throws<WorldFormatException>(() => World.Parse(yaml, "estate.yaml"));

        Assert.Equal((line, column), ((int)error.Line, (int)error.Column));
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
        Assert.StartsWith($"estate.yaml({line},{column}): ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:\n  accounts:\n    - id: \"1234\"\n", 3, 7, "twelve digits")]
    [InlineData("aws:\n  accounts:\n    - id: \"111122223333\"\n      regions:\n        - name: us-east-1\n          faults:\n            throttleRate: 1.5\n", 7, 13, "throttleRate")]
    [InlineData("aws:\n  accounts:\n    - id: \"111122223333\"\n      regions:\n        - name: us-east-1\n          targets:\n            - id: tmt-1\n              type: network-load-balancer\n", 7, 15, "needs its destination id")]
    [InlineData("aws:\n  accounts:\n    - id: \"111122223333\"\n      regions:\n        - name: us-east-1\n          filters:\n            - id: tmf-1\n              rules:\n                - direction: sideways\n", 9, 19, "direction 'sideways'")]
    [InlineData("aws:\n  accounts:\n    - id: \"111122223333\"\n      regions:\n        - name: us-east-1\n          filters:\n            - id: tmf-1\n              rules:\n                - destinationPortRange: { fromPort: 90, toPort: 80 }\n", 9, 41, "port range")]
    [InlineData("aws:\n  accounts:\n    - id: \"111122223333\"\n      regions:\n        - name: us-east-1\n        - name: us-east-1\n", 6, 11, "region 'us-east-1' is listed twice")]
    [InlineData("aws:\n  credentials:\n    - accessKeyId: AKIA1\n      account: \"555555555555\"\n  accounts:\n    - id: \"111122223333\"\n", 3, 7, "not in aws.accounts")]
    public void Invalid_values_name_the_object_that_holds_them(string yaml, int line, int column, string detail)
    {
        var error = Assert.Throws<WorldFormatException>(() => World.Parse(yaml, "estate.yaml"));

        Assert.Equal((line, column), ((int)error.Line, (int)error.Column));
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_in_an_aws_tag_value_is_refused_at_load_naming_the_file_and_the_session()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("estate.yaml");
        File.WriteAllText(path, TestWorlds.YamlWithSession("tags: { Name: \"bell\\a\" }"));

        var error = Assert.Throws<WorldFormatException>(() => World.Load(path));

        Assert.Equal(path, error.SourceName);
        Assert.Equal((8, 15), ((int)error.Line, (int)error.Column));
        Assert.Equal($"{path}(8,15): tag 'Name' of a session holds U+0007 at character 5, which XML 1.0 cannot carry: AWS's XML APIs could never return it",
            error.Message);
    }

    [Theory]
    [InlineData("tags: { \"\\e[2J\": x }", "a tag key of a session holds U+001B")]
    [InlineData("tags: { Name: \"ok\\uFFFF\" }", "tag 'Name' of a session holds U+FFFF at character 3")]
    [InlineData("description: \"nul\\0\"", "description of a session holds U+0000")]
    [InlineData("ownerId: \"\\x0c\"", "ownerId of a session holds U+000C")]
    public void Characters_xml_cannot_carry_are_refused_in_aws_text(string field, string detail)
    {
        var error = Assert.Throws<WorldFormatException>(() => World.Parse(TestWorlds.YamlWithSession(field), "estate.yaml"));

        Assert.Equal((8, 15), ((int)error.Line, (int)error.Column));
        Assert.StartsWith(detail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trail_bucket_prefix_that_s3_listings_cannot_carry_is_refused()
    {
        const string yaml = "audit:\n  trailBuckets:\n    - name: trails\n      prefix: \"org\\x01\"\n";

        var error = Assert.Throws<WorldFormatException>(() => World.Parse(yaml, "estate.yaml"));

        Assert.Equal((3, 7), ((int)error.Line, (int)error.Column));
        Assert.StartsWith("prefix of a trail bucket holds U+0001", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_world_built_in_code_is_refused_on_start()
    {
        var world = TestWorlds.WithSessions(1);
        var region = world.Aws.Accounts[0].Regions[0];
        var tagged = region.Sessions[0] with { Tags = new Dictionary<string, string> { ["Name"] = "half \uD83D" } };
        world = world with { Aws = world.Aws with { Accounts = [world.Aws.Accounts[0] with { Regions = [region with { Sessions = [tagged] }] }] } };

        var error = await Assert.ThrowsAsync<WorldFormatException>(() => EmulatorHost.StartAsync(world));

        Assert.StartsWith("tag 'Name' of a session holds U+D83D at character 6", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_but_representable_aws_text_loads_unchanged()
    {
        var world = World.Parse(TestWorlds.YamlWithSession(TestWorlds.HostileTags), "estate.yaml");

        Assert.Equal(TestWorlds.HostileTagValues, world.Aws.Accounts[0].Regions[0].Sessions[0].Tags);
    }

    [Fact]
    public void Relative_times_are_written_against_the_clock_that_reads_the_file()
    {
        const string yaml = """
            azure:
              tenants:
                - id: 3a1b2c3d-4e5f-4a6b-8c7d-000000000001
              subscriptions:
                - id: 11111111-2222-4333-8444-000000000001
                  tenantId: 3a1b2c3d-4e5f-4a6b-8c7d-000000000001
            audit:
              activityLogs:
                - subscription: 11111111-2222-4333-8444-000000000001
                  events: [{ time: "{{-90}}", name: Microsoft.Network/virtualNetworkTaps/write, actor: rob@contoso.com, sourceIp: 203.0.113.45 }]
            """;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

        var world = World.Parse(yaml, "estate.yaml", clock);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 30, 0, TimeSpan.Zero), world.Audit.ActivityLogs[0].Events[0].Time);
    }

    [Theory]
    [InlineData("at {{-61}} and {{-0}}", "at 2026-11-27T00:59:00Z and 2026-11-27T02:00:00Z")]
    [InlineData("{{-1:syslog}}", "Nov 27 2026 01:59:00.000")]
    [InlineData("{{-1500:tacacs}}", "Nov 26 01:00:00")]
    [InlineData("{{-12345678}} {{+5}} {{-5:iso}}", "{{-12345678}} {{+5}} {{-5:iso}}")]
    public void Relative_times_take_their_log_spelling_and_leave_anything_else_as_written(string text, string expected)
    {
        Assert.Equal(expected, RelativeTimes.Render(text, new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Duplicate_keys_are_errors()
    {
        var error = Assert.Throws<WorldFormatException>(() => World.Parse("aws:\n  accounts: []\n  accounts: []\n", "estate.yaml"));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void An_empty_file_is_an_empty_world()
    {
        var world = World.Parse("", "empty.yaml");

        Assert.Empty(world.Aws.Accounts);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "absent.yaml");

        var error = Assert.Throws<WorldFormatException>(() => World.Load(path));

        Assert.Equal(path, error.SourceName);
    }

    [Fact]
    public async Task A_world_built_in_code_is_validated_on_start()
    {
        var world = TestWorlds.WithSessions(2);
        var region = world.Aws.Accounts[0].Regions[0];
        var duplicated = region with { Sessions = [region.Sessions[0], region.Sessions[0]] };
        world = world with { Aws = world.Aws with { Accounts = [world.Aws.Accounts[0] with { Regions = [duplicated] }] } };

        var error = await Assert.ThrowsAsync<WorldFormatException>(() => EmulatorHost.StartAsync(world));

        Assert.Contains("listed twice", error.Detail, StringComparison.Ordinal);
    }
}
