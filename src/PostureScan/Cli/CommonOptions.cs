using System.CommandLine;

namespace PostureScan.Cli;

/// <summary>Options shared by several commands, created fresh per command (an option belongs to one parent).</summary>
internal static class CommonOptions
{
    public static Option<string?> Db() => new("--db")
    {
        Description = "The store: a SQLite file (default posturescan.db in the working directory, or Store:Path from configuration), or a PostgreSQL URL or connection string (cluster mode)",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the run summary as one JSON object on standard output; progress and logs go to standard error",
    };

    public static Option<FileInfo?> Config(bool required) => new("--config")
    {
        Description = "Configuration file (JSON); environment variables POSTURESCAN__SECTION__KEY override it",
        Required = required,
    };
}
