using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Headway.Core;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Headway.App.Storage;

/// <summary>
/// Opens connections to one database and brings its schema up to date once. One per process (the CLI) or one per
/// application (the web), since it holds PostgreSQL's connection pool.
/// </summary>
public sealed class HeadwayDataSource : IAsyncDisposable
{
    private static readonly object Configured = new();
    private readonly NpgsqlDataSource? _postgres;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);

    // SQLite allows one writer at a time. Without this gate, every request that wants to write blocks a thread in
    // SQLite's busy handler, which polls with sleeps of up to 100 ms in no particular order: under load the thread pool
    // runs out of threads and the unlucky writers wait for seconds (wrk timeouts in bench/load/run). With it, the
    // process's writers queue here without holding a thread, and take SQLite's lock in turn; another process (the
    // command line beside the server) still meets the busy timeout.
    private readonly SemaphoreSlim? _writeGate;
    // The SQLite connections (native handles) that have had their pragmas; weak, so a closed one is simply forgotten.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();
    private readonly bool _pooledSqlite;
    private volatile bool _migrated;

    // When the planner's statistics are next refreshed (Environment.TickCount64); see OptimizeAsync.
    private long _optimizeDue;

    private HeadwayDataSource(DatabaseTarget target)
    {
        Target = target;
        if (target.Provider == Provider.Postgres)
        {
            // The slim builder keeps the command line's native (AOT) build free of reflection-based type mappings.
            _postgres = new NpgsqlSlimDataSourceBuilder(target.ConnectionString).Build();
        }
        else
        {
            _writeGate = new SemaphoreSlim(1, 1);
            _pooledSqlite = new SqliteConnectionStringBuilder(target.ConnectionString).Pooling;
        }
    }

    public DatabaseTarget Target { get; }

    public static HeadwayDataSource Create(DatabaseTarget target) => new(target);

    /// <summary>Opens a connection, creating and migrating the database on first use.</summary>
    public async Task<HeadwayDb> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection;
        if (_postgres is not null)
        {
            connection = await _postgres.OpenConnectionAsync(ct);
        }
        else
        {
            if (!_migrated)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Target.Display)!);
            }

            var sqlite = new SqliteConnection(Target.ConnectionString);
            connection = sqlite;
            await connection.OpenAsync(ct);
            // A pooled connection (the server's) comes back with the settings it was given when it was first opened:
            // they belong to SQLite's connection, which the pool keeps open, so they are applied once per connection
            // instead of on every request (four statements to prepare, measured in docs/benchmarks.md).
            if (_configured.TryAdd(sqlite.Handle!, Configured))
            {
                try
                {
                    await using var pragmas = connection.CreateCommand();
                    // WAL lets readers run beside one writer; FULL makes every acknowledged commit durable across power
                    // loss; the busy timeout makes a writer wait for another process's write instead of failing.
                    pragmas.CommandText = "PRAGMA busy_timeout=30000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
                    await pragmas.ExecuteNonQueryAsync(ct);
                }
                catch
                {
                    _configured.Remove(sqlite.Handle!);
                    await connection.DisposeAsync();
                    throw;
                }
            }
        }

        var db = new HeadwayDb(connection, Target.Provider, _writeGate);
        if (!_migrated)
        {
            await _migrateGate.WaitAsync(ct);
            try
            {
                if (!_migrated)
                {
                    await SchemaMigrator.MigrateAsync(db, ct);
                    _migrated = true;
                }
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
            finally
            {
                _migrateGate.Release();
            }
        }

        if (_pooledSqlite && Environment.TickCount64 >= Interlocked.Read(ref _optimizeDue))
        {
            try
            {
                await OptimizeAsync(db, ct);
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
        }

        return db;
    }

    /// <summary>
    /// Lets SQLite's query planner know the tables' sizes (sqlite_stat1), as SQLite advises long-lived connections to
    /// do now and then: without statistics it reads a page of the action list through the user's index, all 10,000
    /// rows of a year's planner and a sort, where one user's own database is best read in id order (14 ms against
    /// 0.3 ms a page, measured). With them it picks per database: the index again when many users share the file.
    /// At most hourly, bounded by analysis_limit, and only in the server, whose connections live long.
    /// </summary>
    private async Task OptimizeAsync(HeadwayDb db, CancellationToken ct)
    {
        var due = Interlocked.Read(ref _optimizeDue);
        if (Interlocked.CompareExchange(ref _optimizeDue, Environment.TickCount64 + (long)TimeSpan.FromHours(1).TotalMilliseconds, due) != due)
        {
            return;
        }

        try
        {
            await db.ExecuteAsync("PRAGMA analysis_limit=400; PRAGMA optimize=0x10002;", null, ct);
        }
        catch (SqliteException)
        {
            // Statistics only speed queries up: a database too busy to take them now must not fail the request that
            // happened to open this connection. The next attempt is an hour away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _migrateGate.Dispose();
        _writeGate?.Dispose();
    }
}

/// <summary>One open connection, with the few helpers the use cases need over plain ADO.NET.</summary>
public sealed class HeadwayDb(DbConnection connection, Provider provider, SemaphoreSlim? writeGate = null) : IAsyncDisposable
{
    // Longer than SQLite's busy timeout, so that waiting here never fails sooner than waiting for SQLite's lock did.
    private static readonly TimeSpan WriteGateTimeout = TimeSpan.FromSeconds(30);

    // The write transaction in progress, joined by a WriteAsync called inside another (see WriteAsync).
    private DbTransaction? _open;
    private (DbTransaction Tx, long UserId)? _locked;

    public DbConnection Connection { get; } = connection;

    public Provider Provider { get; } = provider;

    /// <summary>A command with named parameters (<c>@name</c> works on both providers).</summary>
    public DbCommand Sql(string sql, DbTransaction? tx = null, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        // SQLite refuses a command outside the connection's open transaction; inside a write, every command joins it.
        cmd.Transaction = tx ?? _open;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    public async Task<int> ExecuteAsync(string sql, DbTransaction? tx, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var cmd = Sql(sql, tx, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> LongAsync(string sql, DbTransaction? tx, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var cmd = Sql(sql, tx, args);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, DbTransaction? tx, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var cmd = Sql(sql, tx, args);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(read(reader));
        }

        return list;
    }

    public async Task<T?> SingleAsync<T>(string sql, Func<DbDataReader, T> read, DbTransaction? tx, CancellationToken ct, params (string Name, object? Value)[] args)
        where T : class
    {
        var list = await ListAsync(sql, read, tx, ct, args);
        return list.Count == 0 ? null : list[0];
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction, committed only when it succeeds. On SQLite the transaction
    /// starts with BEGIN IMMEDIATE, so a concurrent writer (the CLI beside a server) waits for the lock instead of
    /// failing with "database is locked" when it upgrades from reading to writing.
    /// A WriteAsync called inside another joins it: the outermost one commits or rolls back everything. That lets a
    /// caller put its own checks and records around a use case in one transaction (the API's If-Match check before an
    /// update, its Idempotency-Key record beside a create).
    /// </summary>
    public async Task<Result<T>> WriteAsync<T>(Func<DbTransaction, Task<Result<T>>> work, CancellationToken ct)
    {
        if (_open is { } outer)
        {
            return await work(outer);
        }

        // Past the timeout (a writer that never finishes) the write goes on to SQLite's own lock and busy timeout.
        var gated = writeGate is not null && await writeGate.WaitAsync(WriteGateTimeout, ct);
        try
        {
            return await WriteInTransactionAsync(work, ct);
        }
        finally
        {
            if (gated)
            {
                writeGate!.Release();
            }
        }
    }

    private async Task<Result<T>> WriteInTransactionAsync<T>(Func<DbTransaction, Task<Result<T>>> work, CancellationToken ct)
    {
        await using var tx = Provider == Provider.Sqlite
            ? ((SqliteConnection)Connection).BeginTransaction(deferred: false)
            : await Connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        _open = tx;
        try
        {
            var result = await work(tx);
            if (result.IsOk)
            {
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
            }

            return result;
        }
        finally
        {
            _open = null;
            _locked = null;
        }
    }

    /// <summary>
    /// Serializes one user's writes on PostgreSQL (a row lock on the user), so that two requests cannot both pass a
    /// cap check. SQLite's write lock already serializes everything. A use case run inside a caller's transaction
    /// that already holds the lock (the API's idempotent writes) does not ask for it a second time.
    /// </summary>
    public async Task LockUserAsync(long userId, DbTransaction tx, CancellationToken ct)
    {
        if (Provider == Provider.Postgres && _locked != (tx, userId))
        {
            await LongAsync("SELECT id FROM users WHERE id = @u FOR UPDATE", tx, ct, ("u", userId));
            _locked = (tx, userId);
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
