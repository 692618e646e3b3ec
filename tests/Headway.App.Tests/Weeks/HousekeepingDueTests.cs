using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Actions;
using Headway.Core.Commitments;
using static Headway.App.Tests.Actions.ActionTestData;

namespace Headway.App.Tests.Weeks;

/// <summary>
/// The web server learns whether housekeeping has work from columns its session and token checks read with the user
/// (<see cref="HousekeepingDue"/>). Those columns must give the answer housekeeping's own statement gives, at every
/// edge: a week turning, a commitment's date passing, a cooling-off ending; and housekeeping told by them must do the
/// same work.
/// </summary>
public sealed class HousekeepingDueTests
{
    // Friday 5 March 2027, noon UTC; the user's weeks start on Monday.
    private static readonly DateTimeOffset Friday = new(2027, 3, 5, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestPlanner.Ct;

    private static async Task<HousekeepingDue> ReadAsync(PlannerSession s) =>
        Assert.Single(await s.Db.ListAsync($"SELECT {HousekeepingDue.Columns} FROM users u WHERE u.id = @u", r => HousekeepingDue.Read(r, 0), null, Ct, ("u", s.UserId)));

    /// <summary>Asks both ways at the planner's current moment, asserts they agree, and gives the answer.</summary>
    private static async Task<bool> AgreedAsync(TestPlanner planner)
    {
        var s = await planner.OpenSessionAsync();
        var asked = await Housekeeping.IsDueAsync(s, Ct);
        Assert.Equal(asked, (await ReadAsync(s)).IsDue(s));
        return asked;
    }

    /// <summary>
    /// Moves the clock to just short of an edge, then across it, with both ways agreeing on "not yet" and then "due";
    /// then runs housekeeping as the web server does, told by the columns, in a new session, which it gives back.
    /// </summary>
    private static async Task<PlannerSession> CrossAndHousekeepAsync(TestPlanner planner, TimeSpan justShort, TimeSpan across)
    {
        planner.Clock.Advance(justShort);
        Assert.False(await AgreedAsync(planner));
        planner.Clock.Advance(across);
        Assert.True(await AgreedAsync(planner));

        var s = await planner.OpenSessionAsync();
        await Housekeeping.RunAsync(s, await ReadAsync(s), Ct);
        return s;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task NothingPlanned_NothingDue(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, Friday);

        Assert.Equal(new HousekeepingDue(null, null, null), await ReadAsync(planner.Session));
        Assert.False(await AgreedAsync(planner));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UnfinishedWeekWork_IsDueWhenTheWeekTurns_AndCarriedOverByTheColumnsAnswer(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, Friday);
        var week = await AddAsync(planner.Session, Meaningful, Horizon.Week);
        await AddAsync(planner.Session, "write 300 words for the blog post", Horizon.Later);

        Assert.Equal(new DateOnly(2027, 3, 1), (await ReadAsync(planner.Session)).EarliestPlannedWeek);
        // Friday noon to Monday 00:00 UTC is 60 hours.
        var s = await CrossAndHousekeepAsync(planner, TimeSpan.FromHours(60) - TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        Assert.Equal(new DateOnly(2027, 3, 8), (await ActionQueries.FindAsync(s, week.Id, Ct)).Value.PlannedWeek);
        Assert.Single(await ActionQueries.HistoryAsync(s, week.Id, Ct), e => e.Kind == ActionEventKind.Postponed);
        Assert.False(await AgreedAsync(planner));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ALiveCommitment_IsDueTheDayAfterItsDate_AndMissedByTheColumnsAnswer(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, Friday);
        var s = planner.Session;
        await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K"), Ct);
        var race = (await CreateCommitment.RunAsync(s, new NewCommitment("hometown", null, s.Today.AddDays(1), "Hometown 5K", null), Ct)).Value;

        Assert.Equal(race.Due, (await ReadAsync(s)).EarliestCommitmentDue);
        var later = await CrossAndHousekeepAsync(planner, TimeSpan.FromDays(1), TimeSpan.FromDays(1));

        Assert.Equal(CommitmentStatus.Missed, (await CommitmentQueries.FindAsync(later, race.Id, Ct)).Value.Status);
        Assert.False(await AgreedAsync(planner));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ACoolingOff_IsDueWhenItEnds_AndAppliedByTheColumnsAnswer(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, Friday);
        var s = planner.Session;
        await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K"), Ct);
        var race = (await CreateCommitment.RunAsync(s, new NewCommitment("hometown", null, s.Today.AddDays(30), "Hometown 5K", null), Ct)).Value;
        race = (await ChangeCommitment.LockAsync(s, race.Id, Ct)).Value;
        var newDue = race.Due.AddDays(14);
        var asked = await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Reschedule(newDue), allowRequest: true, Ct);
        var request = asked.Value.Request!;

        Assert.Equal(request.EffectiveAt, (await ReadAsync(s)).NextCoolingOff);
        var later = await CrossAndHousekeepAsync(planner,
            request.EffectiveAt!.Value - planner.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Assert.Equal(newDue, (await CommitmentQueries.FindAsync(later, race.Id, Ct)).Value.Due);
        Assert.Equal(new HousekeepingDue(null, newDue, null), await ReadAsync(later));
        Assert.False(await AgreedAsync(planner));
    }
}
