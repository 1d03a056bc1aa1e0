using PostureScan.Cli;
using PostureScan.Hosting;
using PostureScan.Serve;

namespace PostureScan.Tests.Serve;

/// <summary>Serve settings that bind but cannot be used are refused at start, each naming its key.</summary>
public sealed class ServeSettingsCheckTests
{
    public static TheoryData<string, string, string> Refused => new()
    {
        { "ScanCron", "every night at two", "Serve:ScanCron 'every night at two' is not a Quartz cron expression" },
        { "IngestCron", "0 15 * * *", "Serve:IngestCron '0 15 * * *' is not a Quartz cron expression" },
        { "TimeZone", "Mars/Olympus_Mons", "Serve:TimeZone 'Mars/Olympus_Mons' is not a known time zone" },
        { "ReportFormat", "pdf", "Serve:ReportFormat 'pdf' is not one of html, md, json" },
        { "RunTimeoutMinutes", "0", "Serve:RunTimeoutMinutes 0 must be at least 1" },
        { "MetricsPort", "70000", "Serve:MetricsPort 70000 is not a port number" },
        { "ListenAddress", "localhost", "Serve:ListenAddress 'localhost' is not an IP address" },
        { "LogFormat", "jsonl", "Serve:LogFormat 'jsonl' is neither text nor json" },
        { "ClusterCheckinInterval", "00:00:00", "Serve:ClusterCheckinInterval 00:00:00 must be between 00:00:01 and 00:10:00" },
        { "ClusterCheckinInterval", "01:00:00", "Serve:ClusterCheckinInterval 01:00:00 must be between 00:00:01 and 00:10:00" },
        { "TriggerBatchSize", "12", "Serve:TriggerBatchSize 12 must be between 1 and 11" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_setting_that_cannot_be_used_is_refused_by_its_key(string key, string value, string expected)
    {
        var error = Assert.Throws<SettingException>(() => Check(key, value));

        Assert.Equal($"Serve:{key}", error.Key);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ListenAddress", "0.0.0.0")]
    [InlineData("ListenAddress", "::1")]
    [InlineData("LogFormat", "JSON")]
    [InlineData("ClusterCheckinInterval", "00:00:01")]
    [InlineData("TimeZone", "Europe/Berlin")]
    public void Usable_settings_pass(string key, string value)
    {
        Check(key, value);
    }

    private static void Check(string key, string value)
    {
        var configuration = AppConfiguration.Load(null, new Dictionary<string, string?> { [$"Serve:{key}"] = value, ["Scan:MaxConcurrency"] = "8" });
        ServeSchedule.Validate(AppConfiguration.Bind<ServeSettings>(configuration, "Serve"), AppConfiguration.Bind<ScanSettings>(configuration, "Scan"));
    }
}
