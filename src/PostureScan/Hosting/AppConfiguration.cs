using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using PostureScan.Cli;

namespace PostureScan.Hosting;

/// <summary>
/// Configuration from, in rising precedence: the JSON file, environment variables prefixed
/// POSTURESCAN__ (double underscore between sections), and in-memory overrides the command adds.
/// </summary>
internal static partial class AppConfiguration
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
            // The JSON provider names the file; the JSON reader's exception, further in, gives the line and position.
            var json = ExceptionChain.Of(ex).OfType<System.Text.Json.JsonException>().FirstOrDefault();
            var detail = json is { LineNumber: { } line, BytePositionInLine: { } column }
                ? $"Line {line + 1}, position {column + 1}: {json.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0]}"
                : ex.InnerException?.Message;
            throw new UsageException($"{ex.Message} {detail}".Trim());
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
            // A value of the wrong type ("lots" for a number): the binder names the key, so the place can be named too.
            if (ExceptionChain.Of(ex).Select(e => FailedConversion().Match(e.Message)).FirstOrDefault(m => m.Success) is { } conversion)
            {
                var key = conversion.Groups["key"].Value;
                throw new UsageException($"{Origin(configuration, key)}: '{key}' must be {Expected(conversion.Groups["type"].Value)}, not '{conversion.Groups["value"].Value}'");
            }

            // A refused key inside a list item comes wrapped in a general "binding has failed" exception.
            var refusal = ExceptionChain.Of(ex).FirstOrDefault(e => e.Message.Contains("were not found on the instance", StringComparison.Ordinal));
            var unknown = refusal is null ? [] : UnknownKeys(configuration, section, refusal.Message);
            throw new UsageException(unknown.Count == 0
                ? $"configuration section '{section}': {ex.Message}"
                : string.Join(Environment.NewLine, unknown.Select(key => $"{Origin(configuration, key)}: unknown setting '{key}' (no such key in section '{section}')")));
        }
    }

    /// <summary>
    /// Runs a check of bound settings; a <see cref="SettingException"/> it throws comes out naming where its key was
    /// set (file, line and column, or environment variable), as an unknown key does, and so does each refusal of a
    /// <see cref="SettingsException"/>, one per line. A value left at its default, or set by the command itself, has
    /// no place to name, so its message stays as it is.
    /// </summary>
    public static T Check<T>(IConfiguration configuration, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (SettingException ex) when (HasPlace(configuration, ex.Key))
        {
            throw new UsageException(Placed(configuration, ex));
        }
        catch (SettingsException ex) when (ex.Problems.Any(p => HasPlace(configuration, p.Key)))
        {
            throw new UsageException(string.Join(Environment.NewLine, ex.Problems.Select(p => Placed(configuration, p))));
        }
    }

    /// <inheritdoc cref="Check{T}(IConfiguration, Func{T})"/>
    public static void Check(IConfiguration configuration, Action check) =>
        Check(configuration, () =>
        {
            check();
            return true;
        });

    /// <summary>The refusal's message, after where its key was set when that can be named.</summary>
    private static string Placed(IConfiguration configuration, SettingException problem) =>
        HasPlace(configuration, problem.Key) ? $"{Origin(configuration, problem.Key)}: {problem.Message}" : problem.Message;

    /// <summary>Whether a file, the environment or the built-in settings set the key: a default, or a value the command set itself, has no place to name.</summary>
    private static bool HasPlace(IConfiguration configuration, string key) =>
        SetBy(configuration, key) is not (null or Microsoft.Extensions.Configuration.Memory.MemoryConfigurationProvider);

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex FailedConversion();

    /// <summary>What a value of the setting's type looks like, in the words of the settings file.</summary>
    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration such as 00:00:07.5 (hours:minutes:seconds)",
        _ => $"a value of type {type}",
    };

    /// <summary>
    /// The keys the binder refused, as full paths: it names only the properties (<c>'MaxConcurency'</c>), so each is
    /// looked up among the section's keys. Empty when the message names none (the binder's own message is kept then).
    /// </summary>
    private static List<string> UnknownKeys(IConfiguration configuration, string section, string message)
    {
        var listStart = message.LastIndexOf(": ", StringComparison.Ordinal);
        if (listStart < 0)
        {
            return [];
        }

        var names = message[(listStart + 2)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.Trim('\''))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. configuration.GetSection(section).AsEnumerable()
            .Select(pair => pair.Key)
            .Where(key => names.Contains(key[(key.LastIndexOf(':') + 1)..]))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Where a key was set: the file and its line and column, or the environment variable, or the command itself.</summary>
    private static string Origin(IConfiguration configuration, string key)
    {
        switch (SetBy(configuration, key))
        {
            case FileConfigurationProvider file:
                var path = file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? "").PhysicalPath ?? file.Source.Path ?? "configuration file";
                return Located(path, key);
            case EnvironmentVariablesConfigurationProvider environment:
                // A section (a whole sink) is set by the variables under its name, not by one of its own.
                var variable = $"POSTURESCAN__{key.Replace(":", "__", StringComparison.Ordinal)}";
                return environment.TryGet(key, out _) ? $"environment variable {variable}" : $"environment variables {variable}__*";
            case JsonStreamConfigurationProvider:
                return "built-in settings";
            default:
                return "configuration";
        }
    }

    /// <summary>The provider whose value of the key wins (the last that sets it or a key under it), if any sets it.</summary>
    private static IConfigurationProvider? SetBy(IConfiguration configuration, string key) =>
        (configuration as IConfigurationRoot)?.Providers.Reverse()
            .FirstOrDefault(p => p.TryGet(key, out _) || p.GetChildKeys([], key).Any());

    private static string Located(string path, string key)
    {
        try
        {
            return JsonKeyLocator.Find(File.ReadAllBytes(path), key) is { } at ? $"{path}({at.Line},{at.Column})" : path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }
}
