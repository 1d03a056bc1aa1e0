using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PostureScan.Storage.Migrations;

/// <summary>
/// Loads the numbered scripts of one SQL dialect ("Sqlite", later "Postgres") embedded in this assembly
/// as <c>Migrations/&lt;Dialect&gt;/NNNN_name.sql</c>.
/// </summary>
internal static partial class EmbeddedMigrations
{
    public const string Sqlite = "Sqlite";

    public static IReadOnlyList<Migration> Load(string dialect) => Load(typeof(EmbeddedMigrations).Assembly, dialect);

    public static IReadOnlyList<Migration> Load(Assembly assembly, string dialect)
    {
        var prefix = $"Migrations/{dialect}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var match = FileName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Migration '{resource}' cannot be read.");
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // Versions are 1, 2, 3...: a gap or a duplicate is a merge mistake, caught before any database is touched.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations of dialect {dialect} must be numbered 1..n without gaps; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
