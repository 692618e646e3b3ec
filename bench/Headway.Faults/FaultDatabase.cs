using System.Data.Common;
using Headway.App.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Headway.Faults;

/// <summary>
/// A fresh database for one run, read directly (not through Headway) for the final checks: a SQLite file in a new
/// temporary folder, or a new database on a PostgreSQL server. Deleted (dropped) when disposed.
/// </summary>
public sealed class FaultDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _server;
    private readonly string? _name;

    private FaultDatabase(Provider provider, string connection, string? folder, string? server, string? name)
    {
        Provider = provider;
        Connection = connection;
        _folder = folder;
        _server = server;
        _name = name;
    }

    public Provider Provider { get; }

    /// <summary>What headway-web and headway take as their database: the SQLite path or the connection string.</summary>
    public string Connection { get; }

    public static FaultDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("headway-faults-").FullName;
        return new FaultDatabase(Provider.Sqlite, Path.Combine(folder, "headway.db"), folder, null, null);
    }

    /// <summary>A new database on <paramref name="server"/>, a connection string whose user may create databases.</summary>
    public static async Task<FaultDatabase> PostgresAsync(string server, CancellationToken ct)
    {
        var name = "headway_faults_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new FaultDatabase(Provider.Postgres, connection, null, server, name);
    }

    public async Task<long> CountAsync(string sql, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The database's own consistency check: SQLite's <c>PRAGMA integrity_check</c> ("ok" when sound); on PostgreSQL,
    /// amcheck's <c>bt_index_check</c> on every B-tree index of the database ("ok" when every index matches its table),
    /// or why it could not run.
    /// </summary>
    public async Task<string> IntegrityAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        if (Provider == Provider.Sqlite)
        {
            command.CommandText = "PRAGMA integrity_check";
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join("; ", lines);
        }

        try
        {
            command.CommandText = "CREATE EXTENSION IF NOT EXISTS amcheck";
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e)
        {
            return $"amcheck is not available ({e.MessageText})";
        }

        command.CommandText = """
            SELECT COUNT(*) FROM (
              SELECT bt_index_check(c.oid, true)
              FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
              JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE am.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence <> 't' AND i.indisready AND i.indisvalid
            ) checked
            """;
        try
        {
            var indexes = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            return indexes > 0 ? "ok" : "no index was checked";
        }
        catch (PostgresException e)
        {
            return e.MessageText;
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = Provider == Provider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Connection, Pooling = false, DefaultTimeout = 30 }.ToString())
            : new NpgsqlConnection(Connection);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
