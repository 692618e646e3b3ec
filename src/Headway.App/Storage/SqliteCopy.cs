using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Headway.App.Storage;

/// <summary>
/// Copies a live SQLite database into a standalone file with SQLite's online backup API. The copy is one consistent
/// snapshot (a WAL read transaction: writers go on meanwhile and wait for nothing), checked with quick_check,
/// switched to a rollback journal so it is one self-contained file, flushed to disk, and only then moved over the
/// destination: a crash leaves the old destination or the complete new one, never half of one.
/// </summary>
internal static class SqliteCopy
{
    /// <summary>A connection string for a file Headway opens on its own (no pool: the file is moved or replaced after).</summary>
    public static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString();

    /// <summary>Copies the database at <paramref name="sourcePath"/> to <paramref name="destination"/>.</summary>
    public static void Copy(string sourcePath, string destination)
    {
        using var source = new SqliteConnection(ConnectionString(sourcePath, SqliteOpenMode.ReadWrite));
        source.Open();
        Copy(source, destination);
    }

    /// <summary>Copies the database open on <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public static void Copy(SqliteConnection source, string destination)
    {
        var temp = TempBeside(destination);
        try
        {
            using (var target = new SqliteConnection(ConnectionString(temp, SqliteOpenMode.ReadWriteCreate)))
            {
                target.Open();
                // A source in WAL mode marks the copy as WAL too; a backup file should need no -wal beside it.
                Execute(source, "PRAGMA busy_timeout=30000;");
                source.BackupDatabase(target);
                Execute(target, "PRAGMA journal_mode=DELETE;");
                // quick_check finds torn or unreadable pages at a fraction of integrity_check's cost (1 s per 10 MB
                // here): the copy comes page by page from a database SQLite itself keeps consistent, so its indexes
                // need no second look. `restore` runs the full check on whatever file it is given.
                var check = IntegrityCheck(target, quick: true);
                if (check != "ok")
                {
                    throw new InvalidDataException($"The copy failed SQLite's integrity check ({check}).");
                }
            }

            Flush(temp);
            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The first line of <c>PRAGMA integrity_check</c> (or <c>quick_check</c>): "ok" for a sound database.</summary>
    public static string IntegrityCheck(SqliteConnection connection, bool quick = false)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = quick ? "PRAGMA quick_check(1);" : "PRAGMA integrity_check(1);";
        return cmd.ExecuteScalar() as string ?? "no answer";
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>A fresh file name in the destination's folder, so the final move is a rename on one file system.</summary>
    public static string TempBeside(string destination) =>
        $"{destination}.tmp-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";

    private static void Flush(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }
}
