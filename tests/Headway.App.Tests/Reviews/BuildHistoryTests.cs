using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Reviews;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Actions;
using Headway.Core.Goals;

namespace Headway.App.Tests.Reviews;

/// <summary>Twelve weeks of reviews side by side (the review's charts), from what was stored week after week.</summary>
public sealed class BuildHistoryTests
{
    // Monday 4 January 2027, 10:00 UTC: ten weeks before the week of Monday 15 March.
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestPlanner.Ct;

    private static async Task DoAsync(PlannerSession s, string text, string? goal, string? result)
    {
        var added = await AddAction.RunAsync(s, new NewAction(text, goal, Horizon.Later, KeepPassive: true), Ct);
        Assert.True(added.IsOk, added.Error?.Message);
        Assert.True((await CompleteAction.RunAsync(s, added.Value.Id, result, Ct)).IsOk);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task History_CountsEachWeeksOutcomesPerGoal_ByTheReviewsRule(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, Start);
        var s = planner.Session;
        var novel = (await AddGoal.RunAsync(s, new NewGoal("Finish my novel", Area: GoalArea.Writing), Ct)).Value;
        var race = (await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K", Area: GoalArea.Fitness), Ct)).Value;
        var dropped = (await AddGoal.RunAsync(s, new NewGoal("Learn the banjo"), Ct)).Value;

        // Week of 4 Jan: two outcomes for the novel, one for the race, and busy work that is no outcome.
        await DoAsync(s, "write 1,000 words of chapter 1", "novel", "1,100 words");
        await DoAsync(s, "write 800 words of chapter 2", "novel", "800 words");
        await DoAsync(s, "run 5 km", "5K", "5.1 km");
        await DoAsync(s, "reorganize my notes", null, null);
        // Week of 1 Feb: the race goal is achieved with its last outcome.
        planner.Clock.Advance(TimeSpan.FromDays(28));
        await DoAsync(s, "run the Hometown 5K", "5K", "finished in 29 minutes");
        await DoAsync(s, "write 500 words", "novel", null);
        await ChangeGoalStatus.RunAsync(s, race.Id, GoalStatus.Achieved, Ct);
        await ChangeGoalStatus.RunAsync(s, dropped.Id, GoalStatus.Dropped, Ct);
        // Week of 15 Mar (today).
        planner.Clock.Advance(TimeSpan.FromDays(42));
        await DoAsync(s, "send chapter 1 to my editor", "novel", "sent");

        var history = await BuildHistory.RunAsync(await planner.OpenSessionAsync(), null, Ct);

        Assert.Equal(12, history.Weeks.Count);
        Assert.Equal(new DateOnly(2026, 12, 28), history.Weeks[0].Week.Start);
        Assert.Equal(new DateOnly(2027, 3, 15), history.Weeks[^1].Week.Start);
        var january = history.Weeks.Single(w => w.Week.Start == new DateOnly(2027, 1, 4));
        Assert.Equal((4, 3, 0.75), (january.Completed, january.Outcomes, january.ProgressRatio));
        Assert.Equal((2, 1), (january.OutcomesFor(novel.Id), january.OutcomesFor(race.Id)));
        var february = history.Weeks.Single(w => w.Week.Start == new DateOnly(2027, 2, 1));
        Assert.Equal((2, 1, 0, 1), (february.Completed, february.Outcomes, february.OutcomesFor(novel.Id), february.OutcomesFor(race.Id)));
        Assert.Equal(9, history.Weeks.Count(w => w.Completed == 0));
        // The achieved goal stays on the chart for the weeks it moved; the dropped one that never moved does not.
        Assert.Equal([novel.Id, race.Id], history.Goals.Select(g => g.Id).ToArray());

        // The same figures as the weekly review of each week.
        foreach (var week in new[] { january, february, history.Weeks[^1] })
        {
            var review = (await BuildReview.RunAsync(await planner.OpenSessionAsync(), week.Week.Start, Ct)).Review;
            Assert.Equal((review.Completed, review.Outcomes, review.ProgressRatio), (week.Completed, week.Outcomes, week.ProgressRatio));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task History_OfAnEarlierWeek_EndsWithThatWeek_AndSeesOnlyItsUsersData(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, Start);
        var other = await planner.OpenSessionAsync(await planner.AddUserAsync("bo"));
        await AddGoal.RunAsync(other, new NewGoal("Bo's goal"), Ct);
        await DoAsync(other, "write 1,000 words", "Bo", "1,000 words");

        var history = await BuildHistory.RunAsync(await planner.OpenSessionAsync(), new DateOnly(2027, 1, 6), Ct, weeks: 4);

        Assert.Equal([new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4)],
            history.Weeks.Select(w => w.Week.Start).ToArray());
        Assert.All(history.Weeks, w => Assert.Equal(0, w.Completed));
        Assert.Empty(history.Goals);
    }
}
