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
