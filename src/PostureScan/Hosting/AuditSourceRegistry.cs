using Microsoft.Extensions.Configuration;
using PostureScan.Cli;
using PostureScan.Core.Audit;

namespace PostureScan.Hosting;

/// <summary>
/// One line per audit source type: how to build it from its configuration section (<c>Audit:Sources:N</c>).
/// The sources are read in the order configured; names must be unique, since checkpoints are kept by name.
/// </summary>
internal static class AuditSourceRegistry
{
    private static readonly Dictionary<string, Func<IConfigurationSection, TimeProvider, IAuditSource>> Entries =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["files"] = (section, _) => Files(Bind<FileAuditSourceSettings>(section)),
        };

    public static IReadOnlyList<string> Known => [.. Entries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The configured sources; empty when the configuration has no audit source.</summary>
    public static IReadOnlyList<IAuditSource> Create(IConfiguration configuration, TimeProvider time)
    {
        var sources = new List<IAuditSource>();
        foreach (var section in configuration.GetSection($"{AuditSettings.Section}:Sources").GetChildren())
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

            var source = create(section, time);
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

    private static FileAuditSource Files(FileAuditSourceSettings settings) =>
        settings.Paths.Count == 0
            ? throw new UsageException($"audit source '{settings.Name}': Paths must name at least one file or folder")
            : new FileAuditSource(settings.Name, settings.Paths);
}
