using Headway.App.Storage;

namespace Headway.App.Tests.Storage;

/// <summary>
/// The server's pooled SQLite connections get their pragmas once, when SQLite's connection is first opened: every
/// later open from the pool must still wait for other writers, enforce foreign keys and write durably.
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
}
