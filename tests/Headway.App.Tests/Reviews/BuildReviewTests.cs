using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Reviews;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Actions;
using Headway.Core.Goals;
using Headway.Core.Reviews;

namespace Headway.App.Tests.Reviews;

/// <summary>
/// The weekly review computed from what a writer stored over a realistic week (Monday-first, UTC), checked against
/// figures worked out by hand.
/// </summary>
public sealed class BuildReviewTests
{
    // Friday of the week before the reviewed one.
    private static readonly DateTimeOffset LastFriday = new(2027, 2, 26, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestPlanner.Ct;

    private sealed record Week(TestPlanner Planner, long Novel, long Race, long Network, long Email, long BlogPost, long Career);

    private static async Task<long> AddAsync(PlannerSession s, string text, string? goal, Horizon horizon = Horizon.Week)
    {
        var added = await AddAction.RunAsync(s, new NewAction(text, goal, horizon, KeepPassive: true), Ct);
        Assert.True(added.IsOk, added.Error?.Message);
        return added.Value.Id;
    }

    private static async Task DoneAsync(PlannerSession s, long id, string? result) =>
        Assert.True((await CompleteAction.RunAsync(s, id, result, Ct)).IsOk);

    private static async Task<Week> WriterWeekAsync(Provider provider)
    {
        var planner = await TestPlanner.CreateAsync(provider, LastFriday);
        var s = planner.Session;
        var clock = planner.Clock;
        var novel = (await AddGoal.RunAsync(s, new NewGoal("Finish my novel", Area: GoalArea.Writing), Ct)).Value.Id;
        var race = (await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K", Area: GoalArea.Fitness), Ct)).Value.Id;
        var network = (await AddGoal.RunAsync(s, new NewGoal("Grow my network", Area: GoalArea.Networking), Ct)).Value.Id;

        // Last week: one outcome, which this week's review must not count.
        await DoneAsync(s, await AddAsync(s, "write 500 words of the opening scene", "novel"), "620 words");

        // Monday 1 March, 09:00.
        clock.Advance(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero) - clock.GetUtcNow());
        await Housekeeping.RunAsync(s, Ct);
        var chapter = await AddAsync(s, "write 1,000 words for chapter 4", "novel", Horizon.Now);
        var run = await AddAsync(s, "run 5 km at an easy pace", "5K", Horizon.Now);
        var submit = await AddAsync(s, "submit my short story to Ploughshares", "novel");
        var tutorials = await AddAsync(s, "watch 3 tutorials on story structure", "novel");
        var notes = await AddAsync(s, "reorganize my notes", null);
        var draft = await AddAsync(s, "draft 2 pages of chapter 5", "novel");
        var email = await AddAsync(s, "email Sarah to ask for a 20-minute call", "network");
        var blog = await AddAsync(s, "write 300 words for the blog post", "novel", Horizon.Later);
        var career = await AddAsync(s, "think about my career", null, Horizon.Later);
        await CreateCommitment.RunAsync(s, new NewCommitment(null, run, new DateOnly(2027, 3, 3), Lock: true), Ct);
        await CreateCommitment.RunAsync(s, new NewCommitment("novel", null, new DateOnly(2027, 3, 2), "Chapter 4 to my editor", Lock: true), Ct);
        await CreateCommitment.RunAsync(s, new NewCommitment("network", null, new DateOnly(2027, 3, 8), "Founders meetup", Lock: true), Ct);
        await CreateCommitment.RunAsync(s, new NewCommitment("5K", null, new DateOnly(2027, 3, 14), "Hometown 5K", Lock: true), Ct);

        clock.Advance(TimeSpan.FromDays(1));             // Tuesday
        await DoneAsync(s, chapter, "1,150 words");
        clock.Advance(TimeSpan.FromDays(1));             // Wednesday: the run keeps its commitment
        await DoneAsync(s, run, "5.2 km in 31 minutes");
        clock.Advance(TimeSpan.FromDays(1));             // Thursday: the editor's date has passed
        await Housekeeping.RunAsync(s, Ct);
        await DoneAsync(s, submit, "rejected, with a kind note");
        await DoneAsync(s, tutorials, "took notes");
        await DoneAsync(s, notes, null);
        clock.Advance(TimeSpan.FromDays(1));             // Friday
        await DoneAsync(s, draft, null);
        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(3));   // Sunday 7 March, 12:00
        return new Week(planner, novel, race, network, email, blog, career);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Review_OfARealisticWeek_CountsOutcomesNotTickedBoxes(Provider provider)
    {
        var week = await WriterWeekAsync(provider);
        await using var planner = week.Planner;

        var review = (await BuildReview.RunAsync(await planner.OpenSessionAsync(), null, Ct)).Review;

        Assert.Equal(new DateOnly(2027, 3, 1), review.WeekStart);
        Assert.Equal(new DateOnly(2027, 3, 7), review.WeekEnd);
        // Completed this week: chapter, run, submit, tutorials, notes, draft.
        Assert.Equal(6, review.Completed);
        // Meaningful among them: chapter, run, submit, draft (tutorials and notes are passive).
        Assert.Equal(4, review.MeaningfulCompleted);
        // Outcomes: meaningful, aligned and with a result: chapter, run, and the rejected submission; not the draft.
        Assert.Equal(3, review.Outcomes);
        Assert.Equal(0.5, review.ProgressRatio, 9);
        Assert.Equal(
            [new GoalReview(week.Novel, "Finish my novel", 2, false), new GoalReview(week.Race, "Run the Hometown 5K", 1, false),
             new GoalReview(week.Network, "Grow my network", 0, true)],
            review.Goals);
        Assert.Equal(1, review.StretchCount);
        Assert.True(review.StretchQuotaMet);
        // Kept: the run's. Missed: the editor's date. At risk: the meetup tomorrow (its goal stalled); the 5K is moving.
        Assert.Equal(new CommitmentSummary(1, 1, 1), review.Commitments);
        // The stalled goal's outreach first, then the other goal's meaningful work; never the passive musing.
        Assert.Equal([week.Email, week.BlogPost], review.ProposedNow);
        Assert.DoesNotContain(week.Career, review.ProposedNow);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Review_OfAnEarlierWeek_CountsOnlyWhatHappenedInIt(Provider provider)
    {
        var week = await WriterWeekAsync(provider);
        await using var planner = week.Planner;

        var review = (await BuildReview.RunAsync(planner.Session, new DateOnly(2027, 2, 26), Ct)).Review;

        Assert.Equal(new DateOnly(2027, 2, 22), review.WeekStart);
        Assert.Equal(1, review.Completed);
        Assert.Equal(1.0, review.ProgressRatio, 9);
        Assert.Equal([1, 0, 0], review.Goals.Select(g => g.Outcomes));
        Assert.Equal(0, review.StretchCount);
        Assert.False(review.StretchQuotaMet);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Review_IsTheSameWhenComputedAgain(Provider provider)
    {
        var week = await WriterWeekAsync(provider);
        await using var planner = week.Planner;

        var first = (await BuildReview.RunAsync(planner.Session, null, Ct)).Review;
        var second = (await BuildReview.RunAsync(await planner.OpenSessionAsync(), null, Ct)).Review;

        Assert.Equal(Shapes(first), Shapes(second));
    }

    private static string Shapes(WeeklyReview r) =>
        System.FormattableString.Invariant(
            $"{r.Completed}/{r.MeaningfulCompleted}/{r.Outcomes}/{r.ProgressRatio}/{string.Join(",", r.Goals)}/{r.Commitments}/{string.Join(",", r.ProposedNow)}/{string.Join(",", r.Diagnosis.Select(d => $"{d.Cause}:{d.Score}"))}");
}
