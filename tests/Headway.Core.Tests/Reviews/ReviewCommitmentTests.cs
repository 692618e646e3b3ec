using Headway.Core.Commitments;
using Headway.Core.Reviews;
using Xunit;
using static Headway.Core.Tests.Reviews.ReviewData;

namespace Headway.Core.Tests.Reviews;

// Review week: Monday 2027-03-01 to Sunday 2027-03-07; today is Friday 2027-03-05.
public sealed class ReviewCommitmentTests
{
    private static CommitmentSummary Summary(params Commitment[] commitments) =>
        ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions:
            [
                Done(1, "write 1,000 words", goalId: 1, result: "1,000 words"),   // goal 1 moved this week
                Open(2, "book the 5K race", goalId: 2),
                Done(3, "draft the talk outline", goalId: 3, result: "outline sent", at: Midweek.AddDays(-14)),
                Open(4, "rehearse the talk", goalId: 1),
            ],
            commitments: commitments)).Commitments;

    [Fact]
    public void Kept_CountsOnlyThoseResolvedInsideTheWeek()
    {
        var summary = Summary(
            Commitment(1, new DateOnly(2027, 3, 3), goalId: 1, status: CommitmentStatus.Kept, resolvedAt: Midweek),
            Commitment(2, new DateOnly(2027, 2, 24), goalId: 1, status: CommitmentStatus.Kept, resolvedAt: Midweek.AddDays(-7)));

        Assert.Equal(new CommitmentSummary(Kept: 1, AtRisk: 0, Missed: 0), summary);
    }

    [Fact]
    public void Missed_CountsThoseDueInTheWeekOrRecordedMissedInIt()
    {
        var summary = Summary(
            Commitment(1, new DateOnly(2027, 3, 2), goalId: 2, status: CommitmentStatus.Missed),
            Commitment(2, new DateOnly(2027, 2, 26), goalId: 2, status: CommitmentStatus.Missed, resolvedAt: Midweek),
            Commitment(3, new DateOnly(2027, 2, 20), goalId: 2, status: CommitmentStatus.Missed),
            Commitment(4, new DateOnly(2027, 3, 2), goalId: 2, status: CommitmentStatus.Dropped, resolvedAt: Midweek));

        Assert.Equal(new CommitmentSummary(Kept: 0, AtRisk: 0, Missed: 2), summary);
    }

    [Fact]
    public void Missed_ALiveCommitmentPastItsDateCountsBeforeDetectionRecordsIt()
    {
        var summary = Summary(Commitment(1, new DateOnly(2027, 3, 4), goalId: 2));

        Assert.Equal(new CommitmentSummary(Kept: 0, AtRisk: 0, Missed: 1), summary);
    }

    [Theory]
    [InlineData(5, true)]    // due today
    [InlineData(12, true)]   // today + 7
    [InlineData(13, false)]  // today + 8: not yet pressing
    public void AtRisk_GoalWithoutProgress_WhenDueWithinSevenDays(int day, bool atRisk)
    {
        var summary = Summary(Commitment(1, new DateOnly(2027, 3, day), goalId: 2, status: CommitmentStatus.Open));

        Assert.Equal(atRisk ? 1 : 0, summary.AtRisk);
    }

    [Fact]
    public void AtRisk_GoalWithAnOutcomeThisWeek_IsNotAtRisk()
    {
        Assert.Equal(0, Summary(Commitment(1, new DateOnly(2027, 3, 8), goalId: 1)).AtRisk);
    }

    [Fact]
    public void AtRisk_ActionBound_DependsOnTheActionAndItsGoal()
    {
        var summary = Summary(
            Commitment(1, new DateOnly(2027, 3, 8), actionId: 2),    // open, its goal (5K) has no outcome: at risk
            Commitment(2, new DateOnly(2027, 3, 8), actionId: 3),    // the action itself is done: fine
            Commitment(3, new DateOnly(2027, 3, 8), actionId: 4),    // open, but its goal (novel) moved: fine
            Commitment(4, new DateOnly(2027, 3, 8), actionId: 99));  // action not loaded: at risk

        Assert.Equal(2, summary.AtRisk);
    }

    [Fact]
    public void AtRisk_ResolvedCommitments_AreNeverAtRisk()
    {
        var summary = Summary(
            Commitment(1, new DateOnly(2027, 3, 8), goalId: 2, status: CommitmentStatus.Kept, resolvedAt: Midweek.AddDays(-10)),
            Commitment(2, new DateOnly(2027, 3, 8), goalId: 2, status: CommitmentStatus.Dropped, resolvedAt: Midweek.AddDays(-10)));

        Assert.Equal(new CommitmentSummary(0, 0, 0), summary);
    }

    [Fact]
    public void AtRisk_NoteNamesTheEventAndWhenItIsDue()
    {
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            commitments: [Commitment(1, new DateOnly(2027, 3, 7), goalId: 2, eventName: "Hometown 5K")]));

        Assert.Contains("“Hometown 5K, 2027-03-07” is due in 2 days and nothing moved it forward this week.", review.Notes);
    }
}
