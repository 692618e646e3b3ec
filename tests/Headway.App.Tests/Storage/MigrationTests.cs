using Headway.App.Storage;

namespace Headway.App.Tests.Storage;

/// <summary>The schema arrives by itself on first use, once, even when two processes start on a fresh database together.</summary>
public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string LatestMigration(Provider provider) => SchemaMigrator.Scripts(provider)[^1].Id;

    private static Task<long> CountAsync(HeadwayDb db, string sql) => db.LongAsync(sql, null, Ct);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FirstOpen_CreatesTheDatabaseAndAppliesEveryMigration(Provider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var source = HeadwayDataSource.Create(database.Target);

        await using var db = await source.OpenAsync(Ct);

        var applied = await db.ListAsync("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"", r => r.GetString(0), null, Ct);
        Assert.Equal(SchemaMigrator.Scripts(provider).Select(s => s.Id), applied);
        foreach (var table in new[] { "users", "goals", "actions", "action_events", "commitments", "commitment_requests" })
        {
            Assert.Equal(0, await CountAsync(db, $"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OpeningAgain_KeepsTheDataAndAppliesNothing(Provider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using (var first = HeadwayDataSource.Create(database.Target))
        await using (var db = await first.OpenAsync(Ct))
        {
            await db.ExecuteAsync("INSERT INTO users (name, time_zone, week_start, created_at) VALUES ('ana', 'UTC', 1, @c)", null, Ct,
                ("c", new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc)));
        }

        // A new process: a new data source that has not migrated anything yet.
        await using var second = HeadwayDataSource.Create(database.Target);
        await using var again = await second.OpenAsync(Ct);

        Assert.Equal(SchemaMigrator.Scripts(provider).Count, await CountAsync(again, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(1, await CountAsync(again, "SELECT COUNT(*) FROM users WHERE name = 'ana'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ADatabaseUpgradedByANewerRelease_IsRefused_AndLeftAsItWas(Provider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        const string Newer = "29991231000000_FromTheFuture";
        await using (var newer = HeadwayDataSource.Create(database.Target))
        await using (var db = await newer.OpenAsync(Ct))
        {
            await db.ExecuteAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES (@id, '99.0.0')", null, Ct, ("id", Newer));
        }

        await using var older = HeadwayDataSource.Create(database.Target);
        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => older.OpenAsync(Ct));
        Assert.Equal(Newer, refused.Applied);
        Assert.StartsWith($"This database was upgraded by a newer Headway (its schema is {Newer}, this release knows up to {LatestMigration(provider)})", refused.Message, StringComparison.Ordinal);

        // Refused every time, not only on the first open; and the history is as the newer release left it.
        await Assert.ThrowsAsync<SchemaTooNewException>(() => older.OpenAsync(Ct));
        await using var check = new HeadwayDb(provider == Provider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(database.Target.ConnectionString)
            : new Npgsql.NpgsqlConnection(database.Target.ConnectionString), provider);
        await check.Connection.OpenAsync(Ct);
        Assert.Equal(SchemaMigrator.Scripts(provider).Count + 1, await check.LongAsync("SELECT COUNT(*) FROM \"__EFMigrationsHistory\"", null, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoProcessesOpeningAFreshDatabaseAtOnce_BothSucceedAndMigrateOnce(Provider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var cli = HeadwayDataSource.Create(database.Target);
        await using var server = HeadwayDataSource.Create(database.Target);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fromCli = Task.Run(async () => { await gate.Task; return await cli.OpenAsync(Ct); }, Ct);
        var fromServer = Task.Run(async () => { await gate.Task; return await server.OpenAsync(Ct); }, Ct);
        gate.SetResult();
        var opened = await Task.WhenAll(fromCli, fromServer);

        foreach (var db in opened)
        {
            await using (db)
            {
                Assert.Equal(SchemaMigrator.Scripts(provider).Count, await CountAsync(db, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
                Assert.Equal(LatestMigration(provider), await db.SingleAsync("SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\"", r => r.GetString(0), null, Ct));
            }
        }
    }

    [Fact]
    public async Task SqliteConnection_HasWalFullSyncAndForeignKeysOn()
    {
        await using var database = await TestDatabases.CreateAsync(Provider.Sqlite);
        await using var source = HeadwayDataSource.Create(database.Target);
        await using var db = await source.OpenAsync(Ct);

        Assert.Equal("wal", await db.SingleAsync("PRAGMA journal_mode", r => r.GetString(0), null, Ct));
        Assert.Equal(2, await CountAsync(db, "PRAGMA synchronous"));
        Assert.Equal(1, await CountAsync(db, "PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task SqliteForeignKeys_RefuseAnActionOfAUserThatDoesNotExist()
    {
        await using var database = await TestDatabases.CreateAsync(Provider.Sqlite);
        await using var source = HeadwayDataSource.Create(database.Target);
        await using var db = await source.OpenAsync(Ct);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.ExecuteAsync(
            """
            INSERT INTO actions (user_id, text, horizon, status, verdict, score, signals, stretch, planned_week, created_at, updated_at, version)
            VALUES (999, 'write', 'now', 'open', 'meaningful', 90, '[]', 0, '2027-03-01', '2027-03-01 09:00:00', '2027-03-01 09:00:00', 1)
            """, null, Ct));
    }
}
