using System.Globalization;
using Headway.App.Storage;
using Headway.Core;
using Microsoft.Data.Sqlite;

namespace Headway.App.Backups;

/// <summary>What a restore did; <see cref="PreviousCopy"/> holds the database as it was, or null when there was none.</summary>
public sealed record RestoreReport(string Database, string File, string? PreviousCopy, long Goals, long Actions, long Commitments);

/// <summary>
/// Replaces a SQLite database with a backup, after checking that the file is a sound Headway database this build can
/// read (SQLite's integrity check, the Headway tables, no migration newer than this build). Anything else is refused
/// and nothing changes. The database as it was is first kept beside it, and the backup is written in with SQLite's
/// backup API under the write lock, so a running server sees the old data or the restored data, never a mix; a backup
/// from an older Headway is then brought up to date. Not to be confused with <c>import</c> of a JSON export
/// (<see cref="Transfer.RestoreData"/>), which adds one user's data to a database.
/// </summary>
public static class RestoreBackup
{
    public static async Task<Result<RestoreReport>> RunAsync(DatabaseTarget target, string file, TimeProvider clock, CancellationToken ct)
    {
        if (target.Provider == Provider.Postgres)
        {
            return BackupFiles.PostgresAdvice("restore", "pg_restore");
        }

        var checkedPath = BackupFiles.CheckPath(file, target.Display);
        if (!checkedPath.IsOk)
        {
            return checkedPath.Error!;
        }

        var backup = checkedPath.Value;
        if (!File.Exists(backup))
        {
            return Error.NotFound($"There is no file at {backup}: give a file written by `headway backup`.");
        }

        var database = target.Display;
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);

        // The checks and the restore read one private copy, so a file that changes meanwhile cannot slip past them.
        var staging = SqliteCopy.TempBeside(database);
        try
        {
            File.Copy(backup, staging);
            Contents contents;
            using (var copy = new SqliteConnection(SqliteCopy.ConnectionString(staging, SqliteOpenMode.ReadWrite)))
            {
                copy.Open();
                var inspected = Inspect(copy, backup);
                if (!inspected.IsOk)
                {
                    return inspected.Error!;
                }

                contents = inspected.Value;
                SqliteCopy.Execute(copy, "PRAGMA journal_mode=DELETE;");
            }

            string? previous = null;
            if (File.Exists(database))
            {
                previous = FreeName($"{database}.before-restore-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
                SqliteCopy.Copy(database, previous);
            }

            using (var live = new SqliteConnection(SqliteCopy.ConnectionString(database, SqliteOpenMode.ReadWriteCreate)))
            using (var source = new SqliteConnection(SqliteCopy.ConnectionString(staging, SqliteOpenMode.ReadOnly)))
            {
                live.Open();
                source.Open();
                // Waits for a writer in progress (a running server) instead of failing, then replaces every page at once.
                SqliteCopy.Execute(live, "PRAGMA busy_timeout=30000;");
                source.BackupDatabase(live);
            }

            // Opening through Headway brings a backup from an older Headway up to date (keeping a copy first).
            await using (var dataSource = HeadwayDataSource.Create(target))
            await using (await dataSource.OpenAsync(ct))
            {
            }

            return new RestoreReport(database, backup, previous, contents.Goals, contents.Actions, contents.Commitments);
        }
        finally
        {
            File.Delete(staging);
            File.Delete(staging + "-journal");
        }
    }

    // Two restores within one second must not overwrite the first one's copy: that copy may be the only one left of
    // the data before either restore.
    private static string FreeName(string stem)
    {
        var name = stem + ".bak";
        for (var n = 2; File.Exists(name); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}.bak");
        }

        return name;
    }

    private sealed record Contents(long Goals, long Actions, long Commitments);

    private static Result<Contents> Inspect(SqliteConnection db, string file)
    {
        string integrity;
        try
        {
            integrity = SqliteCopy.IntegrityCheck(db);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            return Error.Invalid($"{file} is not a Headway backup: it is not a SQLite database. Nothing was changed.");
        }

        if (integrity != "ok")
        {
            return Error.Invalid($"{file} is damaged (SQLite's integrity check says: {Short(integrity)}); nothing was changed: restore another backup.");
        }

        var tables = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count == 0)
        {
            return Error.Invalid($"{file} is not a Headway backup: it holds no database tables. Nothing was changed.");
        }

        if (BackupFiles.CoreTables.FirstOrDefault(t => !tables.Contains(t)) is { } missing)
        {
            return Error.Invalid($"{file} is not a Headway backup: it is a SQLite database without Headway's tables (no {missing}). Nothing was changed.");
        }

        var known = BackupFiles.KnownMigrations();
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!known.Contains(id))
                {
                    return Error.Refused($"{file} was written by a newer Headway (its schema has {Short(id)}): upgrade headway, then restore it. Nothing was changed.");
                }
            }
        }

        return new Contents(Count(db, "goals"), Count(db, "actions"), Count(db, "commitments"));
    }

    private static long Count(SqliteConnection db, string table)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
