using Headway.App.Storage;

namespace Headway.App.Tests.Storage;

/// <summary>
/// The server's pooled SQLite connections get their pragmas once, when SQLite's connection is first opened: every
/// later open from the pool must still wait for other writers, enforce foreign keys and write durably. On PostgreSQL
/// the server's connections go back to the pool without Npgsql's reset: nothing one request leaves open may reach the
/// next.
/// </summary>
public sealed class PooledConnectionTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    [Fact]
    public async Task ReopenedFromThePool_KeepsForeignKeysBusyTimeoutWalAndFullSync()
    {
        var dir = Directory.CreateTempSubdirectory("headway-pool-");
        try
        {
            await using var source = HeadwayDataSource.Create(DatabaseTarget.Parse(Path.Combine(dir.FullName, "h.db")).Value.Pooled());
            await (await source.OpenAsync(Ct)).DisposeAsync();

            for (var i = 0; i < 3; i++)
            {
                await using var db = await source.OpenAsync(Ct);

                Assert.Equal(1, await db.LongAsync("PRAGMA foreign_keys", null, Ct));
                Assert.Equal(30000, await db.LongAsync("PRAGMA busy_timeout", null, Ct));
                Assert.Equal(2, await db.LongAsync("PRAGMA synchronous", null, Ct));
                var mode = await db.ListAsync("PRAGMA journal_mode", r => r.GetString(0), null, Ct);
                Assert.Equal("wal", Assert.Single(mode));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConnectionBackInThePool_WithItsTransactionLeftOpen_LeavesNoWriteAndNoLockToTheNextUser(Provider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        // One connection in the pool, so the second open surely gets the connection the first one left.
        var target = database.Target.Pooled();
        if (provider == Provider.Postgres)
        {
            target = target with { ConnectionString = target.ConnectionString + ";Maximum Pool Size=1" };
        }

        await using var source = HeadwayDataSource.Create(target);
        long owner;
        await using (var db = await source.OpenAsync(Ct))
        {
            await db.ExecuteAsync("INSERT INTO users (name, time_zone, week_start, created_at) VALUES ('owner', 'UTC', 1, '2026-11-26')", null, Ct);
            owner = await db.LongAsync("SELECT id FROM users WHERE name = 'owner'", null, Ct);
        }

        await using (var abandoned = await source.OpenAsync(Ct))
        {
            var tx = await abandoned.Connection.BeginTransactionAsync(Ct);
            await abandoned.ExecuteAsync("INSERT INTO users (name, time_zone, week_start, created_at) VALUES ('half-done', 'UTC', 1, '2026-11-26')", tx, Ct);
            await abandoned.LockUserAsync(owner, tx, Ct);
            // Disposed here with the transaction neither committed nor rolled back, as a failed request would leave it.
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(10));
        await using var next = await source.OpenAsync(patience.Token);
        var written = await next.WriteAsync<bool>(async tx =>
        {
            await next.LockUserAsync(owner, tx, patience.Token);
            await next.ExecuteAsync("UPDATE users SET name = 'renamed' WHERE id = @u", tx, patience.Token, ("u", owner));
            return true;
        }, patience.Token);

        Assert.True(written.IsOk);
        Assert.Equal(0, await next.LongAsync("SELECT COUNT(*) FROM users WHERE name = 'half-done'", null, Ct));
        Assert.Equal(1, await next.LongAsync("SELECT COUNT(*) FROM users WHERE name = 'renamed'", null, Ct));
    }
}
