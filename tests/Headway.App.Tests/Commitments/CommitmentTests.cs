using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using static Headway.App.Tests.Actions.ActionTestData;

namespace Headway.App.Tests.Commitments;

/// <summary>
/// Commitments as stored: locking, tightening at once, loosening only through a request that cools off for seven days
/// and then applies once, and missed dates recorded.
/// </summary>
public sealed class CommitmentTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    /// <summary>A locked commitment on a goal, due in 30 days.</summary>
    private static async Task<Commitment> LockedRaceAsync(PlannerSession s)
    {
        await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K"), Ct);
        var created = await CreateCommitment.RunAsync(s,
            new NewCommitment("hometown", null, s.Today.AddDays(30), "Hometown 5K", "https://example.org/hometown-5k"), Ct);
        Assert.True(created.IsOk, created.Error?.Message);
        var locked = await ChangeCommitment.LockAsync(s, created.Value.Id, Ct);
        Assert.True(locked.IsOk, locked.Error?.Message);
        return locked.Value;
    }

    private static async Task<Commitment> StoredAsync(TestPlanner planner, long id) =>
        (await CommitmentQueries.FindAsync(await planner.OpenSessionAsync(), id, Ct)).Value;

    private static Task<List<string>> RequestStatusesAsync(TestPlanner planner, long id) =>
        planner.Session.Db.ListAsync("SELECT status FROM commitment_requests WHERE commitment_id = @c ORDER BY id", r => r.GetString(0), null, Ct, ("c", id));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Create_OnAGoalAndOnAnAction_IsStoredWithItsEvent(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var goal = (await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K"), Ct)).Value;
        var action = await AddAsync(s, "run 5 km at an easy pace", Horizon.Now);

        var onGoal = await CreateCommitment.RunAsync(s,
            new NewCommitment("5K", null, new DateOnly(2027, 3, 14), " Hometown 5K ", "https://example.org/hometown-5k", new Quantity(5, "km")), Ct);
        var onAction = await CreateCommitment.RunAsync(s, new NewCommitment(null, action.Id, s.Today.AddDays(2), Lock: true), Ct);

        var goalCommitment = await StoredAsync(planner, onGoal.Value.Id);
        Assert.Equal(goal.Id, goalCommitment.GoalId);
        Assert.Null(goalCommitment.ActionId);
        Assert.Equal("Hometown 5K, 2027-03-14", goalCommitment.Describe());
        Assert.Equal("https://example.org/hometown-5k", goalCommitment.EventLink);
        Assert.Equal(new Quantity(5, "km"), goalCommitment.Target);
        Assert.Equal(CommitmentStatus.Open, goalCommitment.Status);
        var actionCommitment = await StoredAsync(planner, onAction.Value.Id);
        Assert.Equal(action.Id, actionCommitment.ActionId);
        Assert.Equal(CommitmentStatus.Locked, actionCommitment.Status);
        Assert.Equal(planner.Clock.GetUtcNow().UtcDateTime, actionCommitment.LockedAt);
        Assert.Equal([onGoal.Value.Id], (await CommitmentQueries.ForGoalAsync(s, goal.Id, Ct)).Select(c => c.Id));
        Assert.Equal(2, (await CommitmentQueries.ListAsync(s, includeClosed: false, Ct)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Create_WithBadInput_IsRejectedAndWritesNothing(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K"), Ct);
        var before = await planner.SnapshotAsync();

        var past = await CreateCommitment.RunAsync(s, new NewCommitment("5K", null, s.Today.AddDays(-1)), Ct);
        var neither = await CreateCommitment.RunAsync(s, new NewCommitment(null, null, s.Today), Ct);
        var badLink = await CreateCommitment.RunAsync(s, new NewCommitment("5K", null, s.Today, "Race", "javascript:alert(1)"), Ct);
        var noAction = await CreateCommitment.RunAsync(s, new NewCommitment(null, 4242, s.Today), Ct);

        Assert.Equal(ErrorKind.Invalid, past.Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, neither.Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, badLink.Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, noAction.Error?.Kind);
        Assert.Equal(before, await planner.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LockedCommitment_TightensAtOnce(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var race = await LockedRaceAsync(s);

        var earlier = await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Reschedule(race.Due.AddDays(-10)), allowRequest: false, Ct);

        Assert.True(earlier.Value.Applied);
        var stored = await StoredAsync(planner, race.Id);
        Assert.Equal(race.Due.AddDays(-10), stored.Due);
        Assert.Equal(CommitmentStatus.Locked, stored.Status);
        Assert.Empty(await RequestStatusesAsync(planner, race.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LoosenLocked_WithoutAskingForARequest_IsRefusedAndNothingChanges(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var race = await LockedRaceAsync(s);
        var before = await planner.SnapshotAsync();

        var later = await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Reschedule(race.Due.AddDays(14)), allowRequest: false, Ct);
        var drop = await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Drop(), allowRequest: false, Ct);

        Assert.Equal(ErrorKind.Refused, later.Error?.Kind);
        Assert.Contains("7-day cooling-off", later.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.Refused, drop.Error?.Kind);
        Assert.Equal(before, await planner.SnapshotAsync());
        Assert.Equal(race, await StoredAsync(planner, race.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LoosenLocked_AsARequest_WaitsSevenDaysThenAppliesExactlyOnce(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var race = await LockedRaceAsync(s);
        var newDue = race.Due.AddDays(14);

        var asked = await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Reschedule(newDue), allowRequest: true, Ct);

        var request = asked.Value.Request!;
        Assert.Equal(ApprovalPath.CoolingOff, request.Path);
        Assert.Equal(planner.Clock.GetUtcNow().UtcDateTime.AddDays(7), request.EffectiveAt);
        Assert.Equal(race.Due, (await StoredAsync(planner, race.Id)).Due);
        Assert.Equal(ChangeRequestStatus.Pending, Assert.Single(await CommitmentQueries.PendingRequestsAsync(s, Ct)).Status);

        // A minute short of the cooling-off, nothing happens.
        planner.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await Housekeeping.RunAsync(s, Ct);
        Assert.Equal(race.Due, (await StoredAsync(planner, race.Id)).Due);

        planner.Clock.Advance(TimeSpan.FromMinutes(1));
        await Housekeeping.RunAsync(s, Ct);
        var applied = await StoredAsync(planner, race.Id);
        await Housekeeping.RunAsync(await planner.OpenSessionAsync(), Ct);
        planner.Clock.Advance(TimeSpan.FromDays(1));
        await Housekeeping.RunAsync(s, Ct);

        Assert.Equal(newDue, applied.Due);
        Assert.Equal(CommitmentStatus.Locked, applied.Status);
        Assert.Equal(race.Version + 1, applied.Version);
        Assert.Equal(applied, await StoredAsync(planner, race.Id));
        Assert.Equal(["applied"], await RequestStatusesAsync(planner, race.Id));
        Assert.Empty(await CommitmentQueries.PendingRequestsAsync(s, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SecondLooseningRequest_WhileOneIsPending_IsRefused(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var race = await LockedRaceAsync(s);
        await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Reschedule(race.Due.AddDays(14)), allowRequest: true, Ct);

        var second = await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Drop(), allowRequest: true, Ct);

        Assert.Equal(ErrorKind.Refused, second.Error?.Kind);
        Assert.Equal(["pending"], await RequestStatusesAsync(planner, race.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TighteningAfterARequest_VoidsIt_SoItNeverApplies(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var race = await LockedRaceAsync(s);
        await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Drop(), allowRequest: true, Ct);

        var tighter = await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Reschedule(race.Due.AddDays(-5)), allowRequest: false, Ct);
        planner.Clock.Advance(TimeSpan.FromDays(8));
        await Housekeeping.RunAsync(s, Ct);

        Assert.True(tighter.Value.Applied);
        var stored = await StoredAsync(planner, race.Id);
        Assert.Equal(CommitmentStatus.Locked, stored.Status);
        Assert.Equal(race.Due.AddDays(-5), stored.Due);
        Assert.Equal(["void"], await RequestStatusesAsync(planner, race.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WithdrawnRequest_NeverApplies(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var race = await LockedRaceAsync(s);
        await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Drop(), allowRequest: true, Ct);

        var withdrawn = await ChangeCommitment.WithdrawAsync(s, race.Id, Ct);
        var again = await ChangeCommitment.WithdrawAsync(s, race.Id, Ct);
        planner.Clock.Advance(TimeSpan.FromDays(8));
        await Housekeeping.RunAsync(s, Ct);

        Assert.Equal(ChangeRequestStatus.Withdrawn, withdrawn.Value.Status);
        Assert.Equal(ErrorKind.NotFound, again.Error?.Kind);
        Assert.Equal(CommitmentStatus.Locked, (await StoredAsync(planner, race.Id)).Status);
        Assert.Equal(["withdrawn"], await RequestStatusesAsync(planner, race.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Keep_MarksItKeptAndVoidsAPendingRequest(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var race = await LockedRaceAsync(s);
        await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Drop(), allowRequest: true, Ct);

        var kept = await ChangeCommitment.KeepAsync(s, race.Id, Ct);

        Assert.True(kept.IsOk, kept.Error?.Message);
        var stored = await StoredAsync(planner, race.Id);
        Assert.Equal(CommitmentStatus.Kept, stored.Status);
        Assert.Equal(planner.Clock.GetUtcNow().UtcDateTime, stored.ResolvedAt);
        Assert.Equal(["void"], await RequestStatusesAsync(planner, race.Id));
        Assert.Equal(ErrorKind.Refused, (await ChangeCommitment.KeepAsync(s, race.Id, Ct)).Error?.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PassedDate_IsRecordedAsMissed_AndCannotBeKeptAfterwards(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await AddGoal.RunAsync(s, new NewGoal("Grow my network"), Ct);
        var meetup = (await CreateCommitment.RunAsync(s, new NewCommitment("network", null, s.Today.AddDays(1), "Founders meetup", Lock: true), Ct)).Value;
        var open = (await CreateCommitment.RunAsync(s, new NewCommitment("network", null, s.Today.AddDays(1)), Ct)).Value;

        planner.Clock.Advance(TimeSpan.FromDays(1));
        await Housekeeping.RunAsync(s, Ct);
        Assert.Equal(CommitmentStatus.Locked, (await StoredAsync(planner, meetup.Id)).Status);

        planner.Clock.Advance(TimeSpan.FromDays(1));
        await Housekeeping.RunAsync(s, Ct);

        foreach (var id in new[] { meetup.Id, open.Id })
        {
            var stored = await StoredAsync(planner, id);
            Assert.Equal(CommitmentStatus.Missed, stored.Status);
            Assert.Equal(planner.Clock.GetUtcNow().UtcDateTime, stored.ResolvedAt);
        }

        Assert.Equal(ErrorKind.Refused, (await ChangeCommitment.KeepAsync(s, meetup.Id, Ct)).Error?.Kind);
        Assert.Empty(await CommitmentQueries.ListAsync(s, includeClosed: false, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CommitmentOfAnotherUser_IsNotFound(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var race = await LockedRaceAsync(planner.Session);
        var stranger = await planner.OpenSessionAsync(await planner.AddUserAsync("bo"));
        var before = await planner.SnapshotAsync();

        Assert.Equal(ErrorKind.NotFound, (await ChangeCommitment.KeepAsync(stranger, race.Id, Ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await ChangeCommitment.LockAsync(stranger, race.Id, Ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound,
            (await ChangeCommitment.RequestAsync(stranger, race.Id, CommitmentChange.Drop(), allowRequest: true, Ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await CreateCommitment.RunAsync(stranger, new NewCommitment("hometown", null, stranger.Today), Ct)).Error?.Kind);
        Assert.Equal(before, await planner.SnapshotAsync());
    }
}
