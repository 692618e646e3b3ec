using System.Data.Common;
using Headway.App.Storage;
using Headway.Core;

namespace Headway.App.Tests.Storage;

/// <summary>
/// PostgreSQL serializes one person's writes with a row lock on their user (HeadwayDb.LockUserAsync). A use case run
/// inside a caller's transaction asks for the lock the caller already holds; that second ask sends nothing, but every
/// new transaction must take the lock again, even when the connection hands out the same transaction object.
/// </summary>
public sealed class UserLockTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    [Fact]
    public async Task EveryWriteTransaction_HoldsThePersonsLock_AndAskingTwiceIsHarmless()
    {
        await using var planner = await TestPlanner.CreateAsync(Provider.Postgres);
        var s = planner.Session;
        var other = await planner.OpenAsync();

        for (var round = 0; round < 3; round++)
        {
            var result = await s.Db.WriteAsync(async tx =>
            {
                await s.Db.LockUserAsync(s.UserId, tx, Ct);
                await s.Db.LockUserAsync(s.UserId, tx, Ct);
                return Result<bool>.Ok(await IsLockedAsync(other, s.UserId));
            }, Ct);

            Assert.True(result.Value, $"round {round}: the person's row was not locked inside the write");
            Assert.False(await IsLockedAsync(other, s.UserId), $"round {round}: the lock outlived its transaction");
        }
    }

    /// <summary>Whether another connection finds the user's row locked (NOWAIT fails at once instead of waiting).</summary>
    private static async Task<bool> IsLockedAsync(HeadwayDb db, long userId)
    {
        try
        {
            await db.WriteAsync(async tx =>
            {
                await db.LongAsync("SELECT id FROM users WHERE id = @u FOR UPDATE NOWAIT", tx, Ct, ("u", userId));
                return Result<bool>.Ok(true);
            }, Ct);
            return false;
        }
        catch (DbException e) when (e.SqlState == "55P03")
        {
            return true;
        }
    }
}
