using Npgsql;
using PostureScan.Cli;
using PostureScan.Storage;

namespace PostureScan.Hosting;

/// <summary>
/// Which store a command uses: --db when given (a SQLite file, or a PostgreSQL URL or connection string),
/// else the Store section of the configuration (with POSTURESCAN__STORE__* variables), else posturescan.db.
/// </summary>
internal sealed record StoreLocation(string Database, string Target)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public bool IsPostgres => Database == Postgres;

    /// <summary>For messages: the file path, or host, port and database (the password never appears).</summary>
    public string Description => IsPostgres ? PostgresRunStore.Describe(new NpgsqlConnectionStringBuilder(Target)) : Target;

    public static StoreLocation Resolve(string? db, StoreSettings settings)
    {
        if (db is not null)
        {
            return LooksLikePostgres(db) ? new(Postgres, ConnectionString(db)) : new(Sqlite, Path.GetFullPath(db));
        }

        if (string.Equals(settings.Database, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            return settings.ConnectionString is { Length: > 0 } connection
                ? new(Postgres, ConnectionString(connection, "Store:ConnectionString"))
                : throw new SettingException("Store:Database", "is postgres but Store:ConnectionString is empty");
        }

        return string.Equals(settings.Database, Sqlite, StringComparison.OrdinalIgnoreCase)
            ? new(Sqlite, Path.GetFullPath(settings.Path))
            : throw new SettingException("Store:Database", $"'{settings.Database}' is neither sqlite nor postgres");
    }

    private static bool LooksLikePostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An Npgsql connection string from either form, checked now so a typo is a usage error (naming the setting
    /// <paramref name="key"/> when the value came from configuration rather than --db).
    /// </summary>
    private static string ConnectionString(string value, string? key = null)
    {
        try
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            {
                return new NpgsqlConnectionStringBuilder(value).ConnectionString;
            }

            var user = uri.UserInfo.Split(':', 2);
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
                Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            };
            if (user[0].Length > 0)
            {
                builder.Username = Uri.UnescapeDataString(user[0]);
            }

            if (user.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(user[1]);
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw key is null
                ? new UsageException($"not a PostgreSQL connection string: {ex.Message}")
                : new SettingException(key, $"is not a PostgreSQL connection string: {ex.Message}");
        }
    }
}
