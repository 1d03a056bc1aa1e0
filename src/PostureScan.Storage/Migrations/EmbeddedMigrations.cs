using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PostureScan.Storage.Migrations;

/// <summary>
/// Loads the numbered scripts of one SQL dialect ("Sqlite" or "Postgres") embedded in this assembly
/// as <c>Migrations/&lt;Dialect&gt;/NNNN_name.sql</c>.
/// </summary>
internal static partial class EmbeddedMigrations
{
    public const string Sqlite = "Sqlite";

    public const string Postgres = "Postgres";

    public static IReadOnlyList<Migration> Load(string dialect)
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var prefix = $"Migrations/{dialect}/";
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => KeyValuePair.Create(n[prefix.Length..], Read(assembly, n)));
        return Parse(dialect, files);
    }

    /// <summary>Turns (file name, script) pairs into migrations ordered by version, checking the numbering.</summary>
    public static IReadOnlyList<Migration> Parse(string dialect, IEnumerable<KeyValuePair<string, string>> files)
    {
        var migrations = new List<Migration>();
        foreach (var (fileName, sql) in files)
        {
            var match = FileName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration '{dialect}/{fileName}' is not named NNNN_name.sql.");
            }

            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, sql));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // Versions are 1, 2, 3...: a gap or a duplicate is a merge mistake, caught before any database is touched.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations of dialect {dialect} must be numbered 1..n without gaps or duplicates; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration '{resource}' cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
