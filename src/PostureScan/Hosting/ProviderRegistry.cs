using Microsoft.Extensions.Configuration;
using PostureScan.Aws;
using PostureScan.Azure;
using PostureScan.Cisco;
using PostureScan.Cli;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Gcp;

namespace PostureScan.Hosting;

/// <summary>
/// One line per provider: its configuration section and how to build its inventory source.
/// A provider is configured when its section exists.
/// </summary>
internal static class ProviderRegistry
{
    private static readonly Dictionary<string, (string Section, Func<IConfiguration, TimeProvider, IInventorySource> Create)> Entries =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [Providers.Aws] = ("Aws", (c, t) => new AwsInventorySource(AppConfiguration.Bind<AwsOptions>(c, "Aws"), t)),
            [Providers.Azure] = ("Azure", (c, t) => new AzureInventorySource(AppConfiguration.Bind<AzureOptions>(c, "Azure"), t)),
            [Providers.Gcp] = ("Gcp", (c, t) => new GcpInventorySource(AppConfiguration.Bind<GcpOptions>(c, "Gcp"), t)),
            [Providers.Cisco] = ("Cisco", (c, t) => CiscoSource(AppConfiguration.Bind<CiscoSettings>(c, "Cisco"), t)),
        };

    public static IReadOnlyList<string> Known => [.. Entries.Keys.Order(StringComparer.Ordinal)];

    public static IReadOnlyList<IInventorySource> Create(IConfiguration configuration, TimeProvider time, IReadOnlyList<string> requested)
    {
        foreach (var name in requested.Where(n => !Entries.ContainsKey(n)))
        {
            throw new UsageException($"unknown provider '{name}' (known: {string.Join(", ", Known)})");
        }

        // A provider named twice ("cisco,CISCO") is scanned once: two sources of one provider would store each of
        // its sessions twice in one run.
        var names = requested.Count > 0
            ? requested.Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : Entries.Where(e => configuration.GetSection(e.Value.Section).Exists()).Select(e => e.Key).ToList();
        if (names.Count == 0)
        {
            throw new UsageException($"no provider is configured: add a section for one of {string.Join(", ", Entries.Values.Select(e => e.Section))}");
        }

        return [.. names.Select(n => Entries[n]).Select(e => configuration.GetSection(e.Section).Exists()
            ? Create(e.Section, e.Create, configuration, time)
            : throw new UsageException($"provider section '{e.Section}' is missing from the configuration"))];
    }

    /// <summary>A source that refuses its options is a configuration error, reported as such.</summary>
    private static IInventorySource Create(string section, Func<IConfiguration, TimeProvider, IInventorySource> create, IConfiguration configuration, TimeProvider time)
    {
        try
        {
            return create(configuration, time);
        }
        catch (ArgumentException ex)
        {
            // The parameter's name means nothing in a settings file.
            var message = ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
            throw new UsageException($"configuration section '{section}': {message}");
        }
    }

    private static CiscoInventorySource CiscoSource(CiscoSettings settings, TimeProvider time) =>
        string.IsNullOrWhiteSpace(settings.Directory)
            ? throw new UsageException("Cisco:Directory must name the folder of device files")
            : new CiscoInventorySource(new CiscoInventoryOptions(settings.Directory, settings.DeviceNames), time);
}
