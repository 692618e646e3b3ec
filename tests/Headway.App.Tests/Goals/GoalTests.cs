using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;
using Headway.Core.Goals;

namespace Headway.App.Tests.Goals;

/// <summary>Goals as stored: the cap of five active ones, status changes, and finding a goal by part of its title.</summary>
public sealed class GoalTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    private static async Task<Goal> AddAsync(PlannerSession s, string title, GoalArea area = GoalArea.Other) =>
        (await AddGoal.RunAsync(s, new NewGoal(title, Area: area), Ct)).Value;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddedGoal_IsListedWithEveryFieldFromAnotherConnection(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);

        var added = await AddGoal.RunAsync(planner.Session, new NewGoal(
            "  Finish my novel ", "I have told people for years", GoalArea.Writing, new Quantity(80_000, "words"), new DateOnly(2027, 12, 31)), Ct);

        var other = await planner.OpenSessionAsync();
        var goal = Assert.Single(await GoalQueries.ListAsync(other, includeClosed: false, Ct));
        Assert.Equal(added.Value.Id, goal.Id);
        Assert.Equal("Finish my novel", goal.Title);
        Assert.Equal("I have told people for years", goal.Why);
        Assert.Equal(GoalArea.Writing, goal.Area);
        Assert.Equal(GoalStatus.Active, goal.Status);
        Assert.Equal(new Quantity(80_000, "words"), goal.Target);
        Assert.Equal(new DateOnly(2027, 12, 31), goal.TargetDate);
        Assert.Equal(planner.Clock.GetUtcNow().UtcDateTime, goal.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, goal.CreatedAt.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EditGoal_ChangesOnlyTheGivenFields(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var goal = (await AddGoal.RunAsync(s, new NewGoal("Run a 5K", "feel fit", GoalArea.Fitness), Ct)).Value;

        var edited = await EditGoal.RunAsync(s, goal.Id, new GoalEdit(Title: "Run the Hometown 5K", Target: new Quantity(5, "km")), Ct);

        Assert.True(edited.IsOk);
        var stored = (await GoalQueries.FindAsync(await planner.OpenSessionAsync(), goal.Id, Ct)).Value;
        Assert.Equal("Run the Hometown 5K", stored.Title);
        Assert.Equal("feel fit", stored.Why);
        Assert.Equal(GoalArea.Fitness, stored.Area);
        Assert.Equal(new Quantity(5, "km"), stored.Target);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PauseResumeAchieveDrop_AreStoredAndClosedGoalsLeaveTheDefaultList(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var novel = await AddAsync(s, "Finish my novel");
        var race = await AddAsync(s, "Run the Hometown 5K");
        var network = await AddAsync(s, "Grow my network");

        Assert.Equal(GoalStatus.Paused, (await ChangeGoalStatus.RunAsync(s, novel.Id, GoalStatus.Paused, Ct)).Value.Status);
        Assert.Equal(GoalStatus.Active, (await ChangeGoalStatus.RunAsync(s, novel.Id, GoalStatus.Active, Ct)).Value.Status);
        Assert.True((await ChangeGoalStatus.RunAsync(s, race.Id, GoalStatus.Achieved, Ct)).IsOk);
        Assert.True((await ChangeGoalStatus.RunAsync(s, network.Id, GoalStatus.Dropped, Ct)).IsOk);

        var other = await planner.OpenSessionAsync();
        Assert.Equal([novel.Id], (await GoalQueries.ListAsync(other, includeClosed: false, Ct)).Select(g => g.Id));
        var all = (await GoalQueries.ListAsync(other, includeClosed: true, Ct)).ToDictionary(g => g.Id, g => g.Status);
        Assert.Equal(GoalStatus.Active, all[novel.Id]);
        Assert.Equal(GoalStatus.Achieved, all[race.Id]);
        Assert.Equal(GoalStatus.Dropped, all[network.Id]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SixthActiveGoal_IsRefusedAndNothingIsWritten(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        for (var i = 1; i <= 5; i++)
        {
            await AddAsync(planner.Session, $"Goal {i}");
        }

        var before = await planner.SnapshotAsync();

        var sixth = await AddGoal.RunAsync(planner.Session, new NewGoal("Learn Spanish"), Ct);

        Assert.Equal(ErrorKind.Refused, sixth.Error?.Kind);
        Assert.Contains("achieve, pause or drop one first", sixth.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await planner.SnapshotAsync());
        Assert.Equal(0, await planner.CountAsync("SELECT COUNT(*) FROM goals WHERE title = 'Learn Spanish'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SixthGoal_IsAcceptedOnceOneOfFiveIsPaused(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var first = await AddAsync(planner.Session, "Goal 1");
        for (var i = 2; i <= 5; i++)
        {
            await AddAsync(planner.Session, $"Goal {i}");
        }

        await ChangeGoalStatus.RunAsync(planner.Session, first.Id, GoalStatus.Paused, Ct);

        Assert.True((await AddGoal.RunAsync(planner.Session, new NewGoal("Learn Spanish"), Ct)).IsOk);
        Assert.Equal(5, await planner.CountAsync("SELECT COUNT(*) FROM goals WHERE status = 'active'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ResumingAPausedGoal_WhenFiveAreActive_IsRefusedAndItStaysPaused(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var paused = await AddAsync(s, "Learn Spanish");
        await ChangeGoalStatus.RunAsync(s, paused.Id, GoalStatus.Paused, Ct);
        for (var i = 1; i <= 5; i++)
        {
            await AddAsync(s, $"Goal {i}");
        }

        var resumed = await ChangeGoalStatus.RunAsync(s, paused.Id, GoalStatus.Active, Ct);

        Assert.Equal(ErrorKind.Refused, resumed.Error?.Kind);
        Assert.Equal(GoalStatus.Paused, (await GoalQueries.FindAsync(s, paused.Id, Ct)).Value.Status);
        Assert.Equal(5, await planner.CountAsync("SELECT COUNT(*) FROM goals WHERE status = 'active'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Resolve_ByIdOrUniquePartOfTheTitle_FindsTheGoal(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var novel = await AddAsync(s, "Finish my novel");
        var race = await AddAsync(s, "Run the Hometown 5K");

        Assert.Equal(novel.Id, (await GoalQueries.ResolveAsync(s, "NOVEL", Ct)).Value.Id);
        Assert.Equal(race.Id, (await GoalQueries.ResolveAsync(s, " hometown ", Ct)).Value.Id);
        Assert.Equal(race.Id, (await GoalQueries.ResolveAsync(s, race.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)).Value.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Resolve_AmbiguousOrUnknownText_SaysSoAndNamesTheCandidates(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var novel = await AddAsync(s, "Finish my novel");
        var thesis = await AddAsync(s, "Finish my thesis");
        var dropped = await AddAsync(s, "Learn the cello");
        await ChangeGoalStatus.RunAsync(s, dropped.Id, GoalStatus.Dropped, Ct);

        var ambiguous = await GoalQueries.ResolveAsync(s, "finish", Ct);
        var unknown = await GoalQueries.ResolveAsync(s, "marathon", Ct);
        var closed = await GoalQueries.ResolveAsync(s, "cello", Ct);
        var missingId = await GoalQueries.ResolveAsync(s, "999", Ct);

        Assert.Equal(ErrorKind.Invalid, ambiguous.Error?.Kind);
        Assert.Contains($"{novel.Id}, {thesis.Id}", ambiguous.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.NotFound, unknown.Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, closed.Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, missingId.Error?.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GoalOfAnotherUser_IsNotFoundAndUntouched(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var mine = await AddAsync(planner.Session, "Finish my novel");
        var other = await planner.OpenSessionAsync(await planner.AddUserAsync("bo"));

        Assert.Equal(ErrorKind.NotFound, (await GoalQueries.FindAsync(other, mine.Id, Ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await EditGoal.RunAsync(other, mine.Id, new GoalEdit(Title: "Mine now"), Ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await ChangeGoalStatus.RunAsync(other, mine.Id, GoalStatus.Dropped, Ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await GoalQueries.ResolveAsync(other, "novel", Ct)).Error?.Kind);
        Assert.Empty(await GoalQueries.ListAsync(other, includeClosed: true, Ct));
        Assert.Equal(mine, (await GoalQueries.FindAsync(planner.Session, mine.Id, Ct)).Value);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task InvalidGoals_AreRejectedAndNothingIsWritten(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;

        var results = new[]
        {
            await AddGoal.RunAsync(s, new NewGoal(""), Ct),
            await AddGoal.RunAsync(s, new NewGoal(new string('x', 10 * 1024 * 1024)), Ct),
            await AddGoal.RunAsync(s, new NewGoal("Finish\nmy novel"), Ct),
            await AddGoal.RunAsync(s, new NewGoal("Finish my novel", Target: new Quantity(-5, "words")), Ct),
            await AddGoal.RunAsync(s, new NewGoal("Finish my novel", TargetDate: s.Today.AddDays(-1)), Ct),
        };

        Assert.All(results, r => Assert.Equal(ErrorKind.Invalid, r.Error?.Kind));
        Assert.Equal(0, await planner.CountAsync("SELECT COUNT(*) FROM goals"));
    }
}
