namespace PostureScan.Storage.Migrations;

/// <summary>
/// How a dialect lists what a database already holds, so that a database of another application is refused before
/// anything is written to it: its tables and views (system ones left out), and the columns of the migration history.
/// </summary>
internal sealed record SchemaCatalog(string TablesQuery, string HistoryColumnsQuery)
{
    public static SchemaCatalog Sqlite { get; } = new(
        """
        SELECT name FROM sqlite_master
        WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
        """,
        "SELECT name FROM pragma_table_info('schema_migrations')");

    /// <summary>
    /// Every schema counts, not only the one PostureScan would use: a shared database is another's even when its
    /// tables are elsewhere. A table the search path does not reach is named with its schema. An extension's own
    /// relations (pg_stat_statements' views, PostGIS's spatial_ref_sys) belong to the server's tooling, not to an
    /// application, and do not count.
    /// </summary>
    public static SchemaCatalog Postgres { get; } = new(
        """
        SELECT CASE WHEN pg_table_is_visible(c.oid) THEN c.relname ELSE n.nspname || '.' || c.relname END AS name
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
          AND NOT EXISTS (
            SELECT 1 FROM pg_depend d
            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        """,
        """
        SELECT attname FROM pg_attribute
        WHERE attrelid = to_regclass('schema_migrations') AND attnum > 0 AND NOT attisdropped
        """);
}
