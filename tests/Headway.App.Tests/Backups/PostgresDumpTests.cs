using System.Diagnostics;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Tests.Transfer;
using Headway.App.Users;
using Npgsql;

namespace Headway.App.Tests.Backups;

/// <summary>
/// The PostgreSQL backup procedure of docs/operations.md, run for real: pg_dump of a database in use, pg_restore into
/// a new database, and Headway on the restored one shows exactly what it showed before (the same export, ids included).
/// </summary>
public sealed class PostgresDumpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PgDumpThenPgRestore_IntoANewDatabase_GivesBackTheSameData()
    {
        await using var planner = await TestPlanner.CreateAsync(Provider.Postgres);
        await ExportRestoreTests.FillAsync(planner);
        var exported = await ExportRestoreTests.ExportAsync(planner.Session);
        var source = new NpgsqlConnectionStringBuilder(planner.Database.Target.ConnectionString);
        var dump = Path.Combine(Directory.CreateTempSubdirectory("headway-dump-").FullName, "headway.dump");
        var restoredName = "headway_restored_" + Guid.NewGuid().ToString("N")[..12];
        var restored = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = restoredName };

        try
        {
            // docs/operations.md, "Backups": a consistent snapshot in pg_dump's custom format, taken while Headway runs.
            await RunAsync("pg_dump", "--format=custom", "--no-owner", $"--file={dump}", $"--dbname={Libpq(source)}");
            await ExecuteAsync(source, $"CREATE DATABASE {restoredName}");
            await RunAsync("pg_restore", "--no-owner", "--exit-on-error", "--single-transaction", $"--dbname={Libpq(restored)}", dump);

            await using var dataSource = HeadwayDataSource.Create(DatabaseTarget.Parse(restored.ConnectionString).Value);
            await using var db = await dataSource.OpenAsync(Ct);
            var user = await LocalOwner.LoadAsync(db, Ct, planner.Session.UserId);
            Assert.NotNull(user);
            var again = await ExportRestoreTests.ExportAsync(new PlannerSession(db, user, planner.Clock));

            Assert.Equal(exported, again);
            // The sequences came along too: the next goal gets a fresh id, not one already used.
            var next = await db.LongAsync(
                "INSERT INTO goals (user_id, title, area, status, created_at, updated_at) VALUES (@u, 'Learn to swim', 'health', 'paused', @t, @t) RETURNING id",
                null, Ct, ("u", planner.Session.UserId), ("t", planner.Clock.GetUtcNow().UtcDateTime));
            Assert.Equal(await planner.CountAsync("SELECT MAX(id) FROM goals") + 1, next);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(source, $"DROP DATABASE IF EXISTS {restoredName} WITH (FORCE)");
            Directory.Delete(Path.GetDirectoryName(dump)!, recursive: true);
        }
    }

    // libpq's keyword=value form, which pg_dump and pg_restore take as --dbname.
    private static string Libpq(NpgsqlConnectionStringBuilder b) =>
        $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}" + (string.IsNullOrEmpty(b.Password) ? "" : $" password={b.Password}");

    private static async Task ExecuteAsync(NpgsqlConnectionStringBuilder server, string sql)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, admin);
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(PostgresTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await error}");
    }

    // Found as scripts/postgres finds the server: on PATH, else the newest Debian install under /usr/lib/postgresql.
    private static string PostgresTool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, name)))
            {
                return Path.Combine(dir, name);
            }
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        Assert.True(installed is not null, $"{name} was not found on PATH or under /usr/lib/postgresql/*/bin: install PostgreSQL's client tools.");
        return installed;
    }
}
