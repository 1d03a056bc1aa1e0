using Microsoft.Extensions.Configuration;
using PostureScan.Cli;

namespace PostureScan.Hosting;

/// <summary>
/// Configuration from, in rising precedence: the JSON file, environment variables prefixed
/// POSTURESCAN__ (double underscore between sections), and in-memory overrides the command adds.
/// </summary>
internal static class AppConfiguration
{
    public static IConfiguration Load(FileInfo? file, IDictionary<string, string?>? overrides = null, Stream? embeddedJson = null)
    {
        var builder = new ConfigurationBuilder();
        if (embeddedJson is not null)
        {
            builder.AddJsonStream(embeddedJson);
        }

        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new UsageException($"{file.FullName}: configuration file not found");
            }

            builder.AddJsonFile(file.FullName, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables("POSTURESCAN__");
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            // The JSON provider names the file; its inner exception gives line and position.
            throw new UsageException($"{ex.Message} {ex.InnerException?.Message}".Trim());
        }
    }

    /// <summary>Binds a section strictly: an unknown key is a configuration error, not silently ignored.</summary>
    public static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException($"configuration section '{section}': {ex.Message}");
        }
    }
}
