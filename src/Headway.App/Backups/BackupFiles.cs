using Headway.App.Storage;
using Headway.Core;

namespace Headway.App.Backups;

/// <summary>What backup and restore share: the checks on the file named, and the PostgreSQL answer.</summary>
internal static class BackupFiles
{
    public static Error PostgresAdvice(string command, string tool) => Error.Invalid(
        $"headway {command} works on SQLite files; this database is on PostgreSQL: use {tool} (docs/operations.md, \"Backups\").");

    /// <summary>The file's full path, or an error when it names a folder or the database itself.</summary>
    public static Result<string> CheckPath(string file, string databasePath)
    {
        if (string.IsNullOrWhiteSpace(file) || file.IndexOfAny(['\0', '\n', '\r']) >= 0)
        {
            return Error.Invalid("Give the backup file, e.g. headway-2026-11-26.db.");
        }

        var full = Path.GetFullPath(file.Trim());
        if (Directory.Exists(full))
        {
            return Error.Invalid($"{full} is a folder: give a file name, e.g. {Path.Combine(full, "headway-backup.db")}.");
        }

        foreach (var own in (string[])["", "-wal", "-shm", "-journal"])
        {
            if (string.Equals(full, databasePath + own, StringComparison.Ordinal))
            {
                return Error.Invalid($"{full} is the database itself: give another file.");
            }
        }

        return full;
    }

    /// <summary>Tables every Headway schema has had since the first migration.</summary>
    public static IReadOnlyList<string> CoreTables { get; } = ["__EFMigrationsHistory", "users", "goals", "actions", "commitments"];

    /// <summary>The SQLite migrations this build knows, oldest first.</summary>
    public static IReadOnlyList<string> KnownMigrations() => [.. SchemaMigrator.Scripts(Provider.Sqlite).Select(s => s.Id)];
}
