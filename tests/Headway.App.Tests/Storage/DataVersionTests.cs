using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Notifications;
using Headway.App.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Commitments;
using Headway.Core.Goals;

namespace Headway.App.Tests.Storage;

/// <summary>
/// users.data_version, which the web's dashboard cache keys on: the database's triggers bump it for every write to
/// what the dashboard shows, whoever makes it, and only for the person whose rows changed.
/// </summary>
public sealed class DataVersionTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    private static Task<long> VersionAsync(TestPlanner planner, long userId) =>
        planner.CountAsync("SELECT data_version FROM users WHERE id = @u", ("u", userId));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EveryWriteToWhatTheDashboardShows_BumpsTheOwnersVersion_AndNoOneElses(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var other = await planner.AddUserAsync("Bo");
        var otherBefore = await VersionAsync(planner, other);
        var seen = await VersionAsync(planner, s.UserId);

        async Task BumpedAsync(string what, Func<Task> write)
        {
            await write();
            var now = await VersionAsync(planner, s.UserId);
            Assert.True(now > seen, $"{what} did not bump the owner's data version ({seen} → {now}).");
            seen = now;
        }

        Goal goal = null!;
        PlannedAction action = null!;
        Commitment commitment = null!;
        await BumpedAsync("a new goal", async () => goal = (await AddGoal.RunAsync(s, new NewGoal("Finish my novel"), Ct)).Value);
        var goalId = goal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await BumpedAsync("a new action", async () =>
            action = (await AddAction.RunAsync(s, new NewAction("write 1,000 words of chapter 4", goalId, Horizon.Now, KeepPassive: true), Ct)).Value);
        await BumpedAsync("a completed action", () => CompleteAction.RunAsync(s, action.Id, "1,150 words", Ct));
        await BumpedAsync("a new commitment", async () =>
            commitment = (await CreateCommitment.RunAsync(s, new NewCommitment(goalId, null, s.Today.AddDays(30), "Book fair", Lock: true), Ct)).Value);
        await BumpedAsync("a change request", () => ChangeCommitment.RequestAsync(s, commitment.Id, CommitmentChange.Reschedule(commitment.Due.AddDays(7)), allowRequest: true, Ct));
        await BumpedAsync("a notification", () => s.Db.WriteAsync<long?>(async tx =>
            await Notify.EnqueueAsync(s.Db, tx, new Notice(s.UserId, "test", "test:1", "A subject", "A body"), s.NowUtc, Ct), Ct));
        await BumpedAsync("notifications read", () => Feed.MarkAllReadAsync(s, Ct));
        await BumpedAsync("a deleted action", () => s.Db.ExecuteAsync("DELETE FROM actions WHERE id = @id", null, Ct, ("id", action.Id)));
        await BumpedAsync("a deleted goal", () => s.Db.ExecuteAsync("DELETE FROM goals WHERE id = @id", null, Ct, ("id", goal.Id)));

        Assert.Equal(otherBefore, await VersionAsync(planner, other));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadsAndRolledBackWrites_LeaveTheVersionAlone(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await AddGoal.RunAsync(s, new NewGoal("Finish my novel"), Ct);
        var before = await VersionAsync(planner, s.UserId);

        await GoalQueries.ListAsync(s, includeClosed: true, Ct);
        await ActionQueries.OpenAsync(s, Horizon.Now, Ct);
        var refused = await s.Db.WriteAsync<bool>(async tx =>
        {
            await s.Db.ExecuteAsync("UPDATE goals SET title = 'Something else' WHERE user_id = @u", tx, Ct, ("u", s.UserId));
            return Error.Invalid("Changed my mind.");
        }, Ct);

        Assert.False(refused.IsOk);
        Assert.Equal(before, await VersionAsync(planner, s.UserId));
    }
}
