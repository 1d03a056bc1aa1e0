using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace PostureScan.Storage;

/// <summary>
/// Runs a one-row INSERT for many rows. On PostgreSQL a chunk of rows goes in one statement:
/// <c>INSERT INTO t (a, b) VALUES (@A, @B)</c> becomes <c>... VALUES (@A_0, @B_0), (@A_1, @B_1), ...</c>, each value still
/// a bound parameter read from the row's property of the parameter's name. Run once per row, every row was a round trip
/// to the server: 8,160 of them to store a 2,040-scope run, three per staged scope. SQLite runs in this process, so a
/// statement costs no round trip there: it keeps the one-row statement, prepared once and bound again per row, which
/// was eight times faster than chunks that SQLite prepares anew (bench/README.md).
/// </summary>
internal static partial class MultiRowInsert
{
    // PostgreSQL binds at most 65,535 parameters per statement; a chunk stays far below, small enough to build cheaply.
    internal const int MaxParameters = 1000;
    internal const int MaxRows = 100;

    private static readonly ConcurrentDictionary<string, Statement> Statements = new(StringComparer.Ordinal);

    /// <summary>Inserts every row; returns the number of rows inserted.</summary>
    public static async Task<int> ExecuteAsync<TRow>(
        DbConnection connection, DbTransaction transaction, string insertSql, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        var statement = Statements.GetOrAdd(insertSql, Statement.Parse);
        var columns = Columns<TRow>.For(statement.Parameters);
        if (connection is not NpgsqlConnection)
        {
            return await ExecuteRowByRowAsync(connection, transaction, insertSql, columns, rows, cancellationToken);
        }

        var rowsPerStatement = Math.Clamp(MaxParameters / columns.Length, 1, MaxRows);
        var inserted = 0;
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(statement.Head);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"{columns[c].Name}_{i}";
                    parameter.DbType = columns[c].Type;
                    parameter.Value = columns[c].Read(chunk[i]!) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                    sql.Append(c == 0 ? "@" : ", @").Append(parameter.ParameterName);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    /// <summary>
    /// The one-row statement, prepared once, each row binding new values to the same parameters. Rows are built lazily.
    /// (Dapper, given the rows, builds the command's parameters again for every row: 1.3x the time, bench/README.md.)
    /// </summary>
    private static async Task<int> ExecuteRowByRowAsync<TRow>(
        DbConnection connection, DbTransaction transaction, string insertSql, Column[] columns, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insertSql;
        var parameters = new DbParameter[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = "@" + columns[c].Name;
            parameters[c].DbType = columns[c].Type;
            command.Parameters.Add(parameters[c]);
        }

        await command.PrepareAsync(cancellationToken);
        var inserted = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < columns.Length; c++)
            {
                parameters[c].Value = columns[c].Read(row!) ?? DBNull.Value;
            }

            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    /// <summary>The statement up to and including <c>VALUES</c>, and the names of its one row's parameters in order.</summary>
    private sealed record Statement(string Head, IReadOnlyList<string> Parameters)
    {
        public static Statement Parse(string insertSql)
        {
            var match = OneRowInsert().Match(insertSql);
            if (!match.Success)
            {
                throw new ArgumentException("Expected INSERT INTO table (columns) VALUES (@Parameters) with nothing after it.", nameof(insertSql));
            }

            var parameters = match.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries);
            if (parameters.Any(p => !p.StartsWith('@') || p.Length == 1))
            {
                throw new ArgumentException("Every value of a multi-row INSERT must be one @parameter.", nameof(insertSql));
            }

            return new Statement(match.Groups["head"].Value + " ", [.. parameters.Select(p => p[1..])]);
        }
    }

    /// <summary>One parameter's property getter and the database type that a null of it is bound as.</summary>
    private sealed record Column(string Name, Func<object, object?> Read, DbType Type);

    private static class Columns<TRow>
    {
        private static readonly ConcurrentDictionary<string, Column> ByName = new(StringComparer.Ordinal);

        public static Column[] For(IReadOnlyList<string> parameters) => [.. parameters.Select(p => ByName.GetOrAdd(p, Create))];

        private static Column Create(string name)
        {
            var property = typeof(TRow).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"{typeof(TRow).Name} has no property {name} for parameter @{name}.", nameof(name));
            // A typed null: PostgreSQL refuses a text-typed NULL for an integer column.
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var dbType = Type.GetTypeCode(type) switch
            {
                TypeCode.String => DbType.String,
                TypeCode.Int64 => DbType.Int64,
                TypeCode.Int32 => DbType.Int32,
                TypeCode.Boolean => DbType.Boolean,
                TypeCode.Double => DbType.Double,
                _ => throw new ArgumentException($"Property {name} of {typeof(TRow).Name} is a {type.Name}; rows carry strings and numbers only.", nameof(name)),
            };
            return new Column(name, property.GetValue, dbType);
        }
    }

    [GeneratedRegex(@"^\s*(?<head>INSERT\s+INTO\s+\w+\s*\([^()]*\)\s*VALUES)\s*\((?<values>[^()]*)\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneRowInsert();
}
