using Npgsql;

namespace Headway.App.Storage;

/// <summary>Which database engine holds the data.</summary>
public enum Provider
{
    /// <summary>An embedded file: the default on a laptop.</summary>
    Sqlite,
    /// <summary>A server shared by several instances.</summary>
    Postgres,
}

/// <summary>
/// Where the data lives, from the <c>--database</c> option or <c>HEADWAY_DATABASE</c>: a file path means SQLite; a
/// <c>postgres://</c> URL or a key=value connection string with a <c>Host</c> means PostgreSQL.
/// </summary>
public sealed record DatabaseTarget(Provider Provider, string ConnectionString, string Display)
{
    /// <summary>The default SQLite file under the user's data directory (XDG_DATA_HOME on Linux).</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "headway", "headway.db");

    /// <summary>Statements each pooled PostgreSQL connection keeps prepared, unless the connection string says otherwise.</summary>
    public const int ServerPreparedStatements = 50;

    /// <summary>
    /// The same target tuned for a long-running server. SQLite: the connection pool on; without it every request opens
    /// the file anew and SQLite parses the whole schema again (most of a dashboard request's time, measured with
    /// bench/web/run). The command line keeps it off: one connection per process, closed (and checkpointed) on exit.
    /// PostgreSQL: statements run a few times are prepared on their connection (Npgsql's Max Auto Prepare), so the
    /// server parses and plans Headway's few dozen queries once per connection instead of on every request; that
    /// halved PostgreSQL's CPU per request under bench/load/run; and a connection going back to the pool is not reset
    /// (see below). A connection string that sets either keeps its value.
    /// </summary>
    public DatabaseTarget Pooled()
    {
        if (Provider == Provider.Sqlite)
        {
            return this with { ConnectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString) { Pooling = true }.ConnectionString };
        }

        // Npgsql's own builder says it "contains" every keyword it knows, set or not; the plain one reads what is there.
        // Parse wrote the string with Npgsql's builder, so the keywords are in their canonical spelling.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString };
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            tuned.MaxAutoPrepare = ServerPreparedStatements;
        }

        // A connection going back to the pool is reset by default: seven statements (RESET ALL, CLOSE ALL, UNLISTEN,
        // pg_advisory_unlock_all, DISCARD ...), parsed afresh each time, sent before the next request's first query,
        // and most of what an API read cost PostgreSQL once its own queries were prepared (bench/load/run). Headway
        // leaves nothing for them to undo: it sets no session settings, opens no cursors, listens to nothing, makes no
        // temporary tables or sequences, and its one session-level advisory lock (the notification jobs') is released in
        // a finally. Npgsql still rolls back a transaction left open, and a broken connection is dropped, not pooled.
        if (!given.ContainsKey("No Reset On Close"))
        {
            tuned.NoResetOnClose = true;
        }

        return this with { ConnectionString = tuned.ConnectionString };
    }

    /// <summary>Reads a target; null or blank means the default file.</summary>
    public static Core.Result<DatabaseTarget> Parse(string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? DefaultPath : value.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(text);
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase) && text.Contains(';', StringComparison.Ordinal) || text.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(text);
                return new DatabaseTarget(Provider.Postgres, builder.ConnectionString, $"PostgreSQL {builder.Host}/{builder.Database}");
            }
            catch (ArgumentException e)
            {
                return Core.Error.Invalid($"The PostgreSQL connection string is not valid ({e.Message.TrimEnd('.')}): use Host=...;Database=...;Username=... or a postgres:// URL.");
            }
        }

        if (text.Length > 4096 || text.IndexOfAny(['\0', '\n', '\r']) >= 0)
        {
            return Core.Error.Invalid("The database path is not a valid file name: give a file path or a PostgreSQL connection string.");
        }

        var path = Path.GetFullPath(text.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), text[2..])
            : text);
        return new DatabaseTarget(Provider.Sqlite, $"Data Source={path};Pooling=False;Default Timeout=30", path);
    }

    private static Core.Result<DatabaseTarget> FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return Core.Error.Invalid("The PostgreSQL URL is not valid: use postgres://user:password@host:5432/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "headway",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && kv[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase)
                && Enum.TryParse<SslMode>(Uri.UnescapeDataString(kv[1]).Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode))
            {
                builder.SslMode = mode;
            }
        }

        return new DatabaseTarget(Provider.Postgres, builder.ConnectionString, $"PostgreSQL {builder.Host}/{builder.Database}");
    }
}
