using System.Data.Common;
using Npgsql;

namespace PostureScan.Storage;

/// <summary>
/// The connection string the store and serve's Quartz job store both use: the operator's, with two Npgsql
/// settings defaulted for a workload of many short transactions of the same few statements (a scope job
/// costs about 30 of them). An operator who sets either keeps their value.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>Statements Npgsql prepares once per connection after their second use (parse and plan once).</summary>
    internal const int AutoPrepared = 64;

    /// <summary>
    /// Adds <c>Max Auto Prepare</c> and <c>No Reset On Close</c> unless given. The reset (DISCARD ALL) costs a
    /// round trip each time a pooled connection is reused and throws the prepared statements away; neither
    /// the store nor Quartz leaves session state behind (locks are transaction-scoped), so there is nothing to reset.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPrepared;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
