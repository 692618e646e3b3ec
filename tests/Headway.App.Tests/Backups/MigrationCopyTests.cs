using Headway.App.Backups;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace Headway.App.Tests.Backups;

/// <summary>
/// Before a newer Headway changes the schema of an existing SQLite database, it keeps a copy of the file as it was
/// (headway.db.before-MIGRATION.bak), which <c>headway restore</c> accepts; a new or up-to-date database gets none.
/// </summary>
public sealed class MigrationCopyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<(string Id, string Sql)> Scripts => SchemaMigrator.Scripts(Provider.Sqlite);

    /// <summary>A database as the previous release left it: every migration but the last, and a user with a goal.</summary>
    private static void WriteOlderDatabase(string path)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        Execute(db, SchemaMigrator.HistoryScript(Provider.Sqlite));
        foreach (var (_, sql) in Scripts.Take(Scripts.Count - 1))
        {
            Execute(db, sql);
        }

        Execute(db, """
            INSERT INTO users (name, time_zone, week_start, created_at) VALUES ('ana', 'UTC', 1, '2027-03-01 09:00:00');
            INSERT INTO goals (user_id, title, area, status, created_at, updated_at)
            VALUES (1, 'Run the Hometown 5K', 'fitness', 'active', '2027-03-01 09:00:00', '2027-03-01 09:00:00');
            """);
    }

    [Fact]
    public async Task OpeningAnOlderDatabase_KeepsACopyAsItWas_ThenMigrates()
    {
        await using var database = await TestDatabases.CreateAsync(Provider.Sqlite);
        var path = database.Target.Display;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteOlderDatabase(path);

        await using (var source = HeadwayDataSource.Create(database.Target))
        await using (var db = await source.OpenAsync(Ct))
        {
            Assert.Equal(Scripts[^1].Id, await db.SingleAsync("SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\"", r => r.GetString(0), null, Ct));
        }

        var copy = SchemaMigrator.CopyBeforeMigrating(path, Scripts[^1].Id);
        Assert.Equal([copy], Directory.GetFiles(Path.GetDirectoryName(path)!, "*.bak"));
        using var old = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        old.Open();
        Assert.Equal("ok", Scalar(old, "PRAGMA integrity_check"));
        Assert.Equal(Scripts[^2].Id, Scalar(old, "SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\""));
        Assert.Equal("Run the Hometown 5K", Scalar(old, "SELECT title FROM goals"));
    }

    [Fact]
    public async Task TheCopyBeforeMigrating_IsAcceptedByRestore()
    {
        await using var database = await TestDatabases.CreateAsync(Provider.Sqlite);
        var path = database.Target.Display;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteOlderDatabase(path);
        await using (var source = HeadwayDataSource.Create(database.Target))
        await using (await source.OpenAsync(Ct))
        {
        }

        var restored = await RestoreBackup.RunAsync(database.Target, SchemaMigrator.CopyBeforeMigrating(path, Scripts[^1].Id), TimeProvider.System, Ct);

        Assert.True(restored.IsOk, restored.Error?.Message);
        Assert.Equal(1, restored.Value.Goals);
    }

    [Fact]
    public async Task ANewDatabase_AndOneAlreadyUpToDate_GetNoCopy()
    {
        await using var database = await TestDatabases.CreateAsync(Provider.Sqlite);
        for (var run = 0; run < 2; run++)
        {
            await using var source = HeadwayDataSource.Create(database.Target);
            await using var db = await source.OpenAsync(Ct);
            await db.ExecuteAsync("INSERT INTO users (name, time_zone, week_start, created_at) VALUES ('ana', 'UTC', 1, '2027-03-01 09:00:00')", null, Ct);
        }

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(database.Target.Display)!, "*.bak"));
    }

    [Fact]
    public async Task Restore_OfABackupFromANewerHeadway_IsRefused()
    {
        await using var database = await TestDatabases.CreateAsync(Provider.Sqlite);
        var folder = Path.GetDirectoryName(database.Target.Display)!;
        Directory.CreateDirectory(folder);
        var newer = Path.Combine(folder, "newer.db");
        await using (var source = HeadwayDataSource.Create(DatabaseTarget.Parse(newer).Value))
        await using (var db = await source.OpenAsync(Ct))
        {
            await db.ExecuteAsync("INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_Future', '12.0.0')", null, Ct);
        }

        SqliteConnection.ClearAllPools();
        var restored = await RestoreBackup.RunAsync(database.Target, newer, TimeProvider.System, Ct);

        Assert.Equal(Core.ErrorKind.Refused, restored.Error?.Kind);
        Assert.Contains("newer Headway", restored.Error!.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(database.Target.Display));
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
