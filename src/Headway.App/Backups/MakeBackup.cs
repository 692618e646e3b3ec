using Headway.App.Storage;
using Headway.Core;

namespace Headway.App.Backups;

/// <summary>What a backup wrote.</summary>
public sealed record BackupReport(string Database, string File, long Bytes);

/// <summary>
/// Copies a SQLite database to a backup file while it is in use: the copy is one consistent snapshot taken with
/// SQLite's online backup API, so writers (a running <c>headway serve</c>, another command) go on meanwhile, and every
/// write committed before the copy began is in it. PostgreSQL has its own tools (docs/operations.md).
/// </summary>
public static class MakeBackup
{
    public static Result<BackupReport> Run(DatabaseTarget target, string file)
    {
        if (target.Provider == Provider.Postgres)
        {
            return BackupFiles.PostgresAdvice("backup", "pg_dump");
        }

        if (!File.Exists(target.Display))
        {
            return Error.NotFound($"There is no database at {target.Display} to back up: check --database or HEADWAY_DATABASE.");
        }

        var destination = BackupFiles.CheckPath(file, target.Display);
        if (!destination.IsOk)
        {
            return destination.Error!;
        }

        if (!Directory.Exists(Path.GetDirectoryName(destination.Value)))
        {
            return Error.NotFound($"The folder {Path.GetDirectoryName(destination.Value)} does not exist: create it or write the backup elsewhere.");
        }

        SqliteCopy.Copy(target.Display, destination.Value);
        return new BackupReport(target.Display, destination.Value, new FileInfo(destination.Value).Length);
    }
}
