using Microsoft.Extensions.Configuration;
using PostureScan.Cli;
using PostureScan.Aws;
using PostureScan.Aws.Audit;
using PostureScan.Azure;
using PostureScan.Azure.Audit;
using PostureScan.Cisco.Accounting;
using PostureScan.Core.Audit;
using PostureScan.Gcp;
using PostureScan.Gcp.Logging;

namespace PostureScan.Hosting;

/// <summary>
/// One line per audit source type: how to build it from its configuration section (<c>Audit:Sources:N</c>)
/// and, for the live sources, the provider's own section (endpoints, credentials, retries).
/// The sources are read in the order configured; names must be unique, since checkpoints are kept by name.
/// </summary>
internal static class AuditSourceRegistry
{
    private static readonly Dictionary<string, Func<IConfiguration, IConfigurationSection, TimeProvider, IAuditSource>> Entries =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["files"] = (c, section, t) => Files(Bind<FileAuditSourceSettings>(section), c, t),
            [CloudTrailLookupSource.TypeName] = (c, s, t) => new CloudTrailLookupSource(AppConfiguration.Bind<AwsOptions>(c, "Aws"), Bind<CloudTrailLookupSettings>(s), t),
            [CloudTrailArchiveSource.TypeName] = (c, s, t) => new CloudTrailArchiveSource(AppConfiguration.Bind<AwsOptions>(c, "Aws"), Bind<CloudTrailArchiveSettings>(s), t),
            [ActivityLogSource.TypeName] = (c, s, t) => new ActivityLogSource(AppConfiguration.Bind<AzureOptions>(c, "Azure"), Bind<ActivityLogSettings>(s), t),
            [CloudLoggingSource.TypeName] = (c, s, t) => new CloudLoggingSource(AppConfiguration.Bind<GcpOptions>(c, "Gcp"), Bind<CloudLoggingSettings>(s), t),
        };

    public static IReadOnlyList<string> Known => [.. Entries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The configured sources; empty when the configuration has no audit source.</summary>
    public static IReadOnlyList<IAuditSource> Create(IConfiguration configuration, TimeProvider time) =>
        Create(configuration, configuration.GetSection($"{AuditSettings.Section}:Sources").GetChildren(), time);

    /// <summary>One source built from <paramref name="section"/> (detect builds its own from the command line).</summary>
    public static IAuditSource CreateOne(IConfiguration configuration, IConfigurationSection section, TimeProvider time) =>
        Create(configuration, [section], time)[0];

    private static List<IAuditSource> Create(IConfiguration configuration, IEnumerable<IConfigurationSection> sections, TimeProvider time)
    {
        var sources = new List<IAuditSource>();
        foreach (var section in sections)
        {
            var type = section["Type"];
            if (string.IsNullOrWhiteSpace(type) || !Entries.TryGetValue(type, out var create))
            {
                throw new UsageException($"{section.Path}: Type must be one of {string.Join(", ", Known)}");
            }

            if (string.IsNullOrWhiteSpace(section["Name"]))
            {
                throw new UsageException($"{section.Path}: every audit source needs a Name (its checkpoints are kept under it)");
            }

            var source = create(configuration, section, time);
            if (sources.Any(s => string.Equals(s.Name, source.Name, StringComparison.Ordinal)))
            {
                throw new UsageException($"{section.Path}: audit source name '{source.Name}' is used twice");
            }

            sources.Add(source);
        }

        return sources;
    }

    /// <summary>The lookback of a first read, from the "Audit" section.</summary>
    public static TimeSpan Lookback(IConfiguration configuration)
    {
        var days = configuration.GetValue($"{AuditSettings.Section}:LookbackDays", 90);
        return days is > 0 and <= 3650 ? TimeSpan.FromDays(days) : throw new UsageException($"{AuditSettings.Section}:LookbackDays must be between 1 and 3650");
    }

    private static T Bind<T>(IConfigurationSection section)
        where T : new()
    {
        try
        {
            return section.Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException($"configuration section '{section.Path}': {ex.Message}");
        }
    }

    /// <summary>
    /// Files of any platform: the JSON cloud logs, and Cisco syslog and TACACS+ accounting, whose device names
    /// (syslog host, NAS address) go through the Cisco section's DeviceNames like the device files' names.
    /// </summary>
    private static FileAuditSource Files(FileAuditSourceSettings settings, IConfiguration configuration, TimeProvider time) =>
        settings.Paths.Count == 0
            ? throw new UsageException($"audit source '{settings.Name}': Paths must name at least one file or folder")
            : new FileAuditSource(settings.Name, settings.Paths, CiscoAccountingFormat.ReaderOptions(time, CiscoDeviceNames(configuration)));

    /// <summary>The Cisco section's DeviceNames: a device's address (syslog host, NAS address) to its name.</summary>
    public static Dictionary<string, string> CiscoDeviceNames(IConfiguration configuration) =>
        configuration.GetSection("Cisco:DeviceNames").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);
}
