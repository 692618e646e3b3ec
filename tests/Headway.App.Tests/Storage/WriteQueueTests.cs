using Headway.App.Storage;

namespace Headway.App.Tests.Storage;

/// <summary>
/// A server's writes on SQLite wait for each other in a queue that holds no thread, so that a burst of writes cannot
/// starve the server of threads (bench/load/run found seconds-long waits before).
/// </summary>
public sealed class WriteQueueTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    [Fact]
    public async Task SecondWriteOfOneServer_WhileAnotherHoldsTheLock_WaitsWithoutBlockingItsCaller_ThenSucceeds()
    {
        await using var database = await TestDatabases.CreateAsync(Provider.Sqlite);
        await using var source = HeadwayDataSource.Create(database.Target.Pooled());
        await using var first = await source.OpenAsync(Ct);
        await using var second = await source.OpenAsync(Ct);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var firstWrite = first.WriteAsync<bool>(async tx =>
        {
            await first.ExecuteAsync("INSERT INTO users (name, time_zone, week_start, created_at) VALUES ('first', 'UTC', 1, '2026-11-26')", tx, Ct);
            holding.SetResult();
            await release.Task;
            return true;
        }, Ct);
        await holding.Task;

        // Without the queue, this call would sit in SQLite's busy handler on this very thread until the first write
        // ended, which it cannot while we are blocked here: "database is locked" after the busy timeout.
        var started = DateTime.UtcNow;
        var secondWrite = second.WriteAsync<bool>(async tx =>
        {
            await second.ExecuteAsync("INSERT INTO users (name, time_zone, week_start, created_at) VALUES ('second', 'UTC', 1, '2026-11-26')", tx, Ct);
            return true;
        }, Ct);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the second write blocked its caller");
        Assert.False(secondWrite.IsCompleted);

        release.SetResult();
        Assert.True((await firstWrite).IsOk);
        Assert.True((await secondWrite).IsOk);
        var names = await second.ListAsync("SELECT name FROM users ORDER BY id", r => r.GetString(0), null, Ct);
        Assert.Equal(["first", "second"], names);
    }
}
