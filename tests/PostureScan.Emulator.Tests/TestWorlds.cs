using System.Globalization;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Tests;

/// <summary>The fixture world and small worlds built in code.</summary>
internal static class TestWorlds
{
    public const string ScannerKey = "AKIAEMULATORSCANNER1";
    public const string ScannerSecret = "scanner-secret";
    public const string AuditorKey = "AKIAEMULATORAUDITOR1";
    public const string ToolingAccount = "111122223333";
    public const string ProductionAccount = "444455556666";

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static World Fixture() => World.Load(FixturePath("world.yaml"));

    /// <summary>
    /// Tags the EC2 side must escape and return unchanged: markup, quotes, a formula, the white space XML
    /// keeps, an astral emoji. As YAML, and as the values it reads to.
    /// </summary>
    public const string HostileTags =
        """tags: { Name: "<script>alert('x')</script>", Quote: "say \"hi\" & 'bye'", Formula: "=cmd|' /C calc'!A0", Space: "tab\there\nline", Emoji: "\U0001F6A8 é" }""";

    public static Dictionary<string, string> HostileTagValues { get; } = new(StringComparer.Ordinal)
    {
        ["Name"] = "<script>alert('x')</script>",
        ["Quote"] = "say \"hi\" & 'bye'",
        ["Formula"] = "=cmd|' /C calc'!A0",
        ["Space"] = "tab\there\nline",
        ["Emoji"] = "\U0001F6A8 é",
    };

    /// <summary>
    /// World YAML with the scanner key and one session in us-east-1, whose mapping starts at line 8,
    /// column 15 and ends with <paramref name="field"/>.
    /// </summary>
    public static string YamlWithSession(string field) => $$"""
        aws:
          credentials: [{ accessKeyId: {{ScannerKey}}, account: "{{ToolingAccount}}" }]
          accounts:
            - id: "{{ToolingAccount}}"
              regions:
                - name: us-east-1
                  sessions:
                    - { id: tms-1, targetId: tmt-1, filterId: tmf-1, networkInterfaceId: eni-1, {{field}} }
        """;

    /// <summary>One account, one region holding <paramref name="sessions"/> sessions.</summary>
    public static World WithSessions(int sessions, string region = "us-east-1") => new()
    {
        Aws = new AwsWorld
        {
            Credentials = [new AwsCredential { AccessKeyId = ScannerKey, SecretAccessKey = ScannerSecret, Account = ToolingAccount }],
            Accounts =
            [
                new AwsAccount
                {
                    Id = ToolingAccount,
                    Regions =
                    [
                        new AwsRegion
                        {
                            Name = region,
                            Sessions = Enumerable.Range(1, sessions).Select(i => new AwsMirrorSession
                            {
                                Id = string.Create(CultureInfo.InvariantCulture, $"tms-{i:x17}"),
                                TargetId = "tmt-00000000000000001",
                                FilterId = "tmf-00000000000000001",
                                NetworkInterfaceId = string.Create(CultureInfo.InvariantCulture, $"eni-{i:x17}"),
                                SessionNumber = i,
                            }).ToList(),
                        },
                    ],
                },
            ],
        },
    };
}
