using System.CommandLine;
using System.Globalization;
using Headway.App.Backups;
using Headway.Cli.Hosting;

namespace Headway.Cli.Backups;

/// <summary>
/// <c>headway backup FILE</c> and <c>headway restore FILE</c>: a consistent copy of the SQLite database while it is in
/// use, and putting one back (docs/operations.md). On PostgreSQL both say to use pg_dump / pg_restore.
/// </summary>
public static class BackupCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Backup(cli);
        yield return Restore(cli);
    }

    private static Command Backup(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "The backup file to write (replaced whole if it exists), e.g. headway-2026-11-26.db." };
        var command = new Command("backup", "Copy the SQLite database to FILE while it is in use: one consistent snapshot, checked.") { file };
        command.SetAction((parse, ct) =>
        {
            var target = cli.Target(parse);
            if (!target.IsOk)
            {
                return Task.FromResult(cli.Fail(target.Error!));
            }

            var made = MakeBackup.Run(target.Value, parse.GetValue(file)!);
            if (!made.IsOk)
            {
                return Task.FromResult(cli.Fail(made.Error!));
            }

            var r = made.Value;
            cli.Env.Out.WriteLine($"Backed up {r.Database} to {r.File} ({Size(r.Bytes)}). Put it back with: headway restore {Quote(r.File)}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Restore(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "A file written by `headway backup` (or a copy of a Headway database)." };
        var command = new Command("restore", "Replace the SQLite database with a backup, after checking it; the current database is kept beside it.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var target = cli.Target(parse);
            if (!target.IsOk)
            {
                return cli.Fail(target.Error!);
            }

            var restored = await RestoreBackup.RunAsync(target.Value, parse.GetValue(file)!, cli.Env.Clock, ct);
            if (!restored.IsOk)
            {
                return cli.Fail(restored.Error!);
            }

            var r = restored.Value;
            cli.Env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Restored {r.File} into {r.Database}: {Count(r.Goals, "goal")}, {Count(r.Actions, "action")}, {Count(r.Commitments, "commitment")}."));
            if (r.PreviousCopy is not null)
            {
                cli.Env.Out.WriteLine($"  The database as it was is kept in {r.PreviousCopy}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Count(long n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB");

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
