using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Goals;
using Headway.Core.Reviews;
using Xunit;
using static Headway.Core.Tests.Reviews.ReviewData;

namespace Headway.Core.Tests.Reviews;

public sealed class ReviewArithmeticTests
{
    [Fact]
    public void Compute_MixedWeek_CountsOnlyMeaningfulAlignedRecordedWorkAsOutcomes()
    {
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions:
            [
                Done(1, "write 1,000 words of chapter 4", goalId: 1, result: "1,150 words"),
                Done(2, "write a limerick for fun", result: "one limerick"),                        // unaligned
                Done(3, "read two craft essays", goalId: 1, result: "read", verdict: Verdict.Passive),
                Done(4, "run 5 km", goalId: 2, result: null),                                    // no result recorded
                Done(5, "run 3 km", goalId: 2, at: Midweek.AddDays(-7)),                        // last week
                Open(6, "email the agent", goalId: 1),
            ]));

        Assert.Equal(4, review.Completed);
        Assert.Equal(3, review.MeaningfulCompleted);
        Assert.Equal(1, review.Outcomes);
        Assert.Equal(0.25, review.ProgressRatio);
    }

    [Fact]
    public void Compute_NothingCompleted_RatioIsZeroAndSaysSo()
    {
        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), actions: [Open(1, "write 500 words", goalId: 1)]));

        Assert.Equal(0, review.Completed);
        Assert.Equal(0, review.ProgressRatio);
        Assert.Contains(review.Notes, n => n.StartsWith("Nothing was completed this week", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_UserOverridesPassiveVerdict_TheOverrideCounts()
    {
        var research = Done(1, "research agents for the query list", goalId: 1, result: "12 agents listed", verdict: Verdict.Passive);
        var overridden = research with { Override = new VerdictOverride(Verdict.Meaningful, "it produced a list I will query") };

        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), actions: [overridden]));

        Assert.Equal(1, review.Outcomes);
        Assert.Equal(1.0, review.ProgressRatio);
    }

    [Fact]
    public void Compute_BlankResult_IsNotAnOutcomeAndTheNoteSaysToRecordIt()
    {
        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), actions: [Done(1, "run 5 km", goalId: 2, result: "   ")]));

        Assert.Equal(0, review.Outcomes);
        Assert.Equal(1, review.MeaningfulCompleted);
        Assert.Contains(review.Notes, n => n.Contains("without a result", StringComparison.Ordinal));
        Assert.Contains(review.Notes, n => n.Contains("busy, not yet productive", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_Goals_ListsActiveGoalsInOrderWithOutcomesAndStalled()
    {
        var review = ReviewCalculator.Compute(Input(
            goals: [Goal(3, "Grow my network"), Goal(9, "Learn Spanish", GoalStatus.Paused), Goal(1, "Finish the novel"), Goal(2, "Run a 5K")],
            actions:
            [
                Done(1, "write 1,000 words", goalId: 1, result: "1,000 words"),
                Done(2, "write 800 words", goalId: 1, result: "820 words"),
                Done(3, "DM Ana to ask for coffee", goalId: 3, result: "coffee on Friday"),
                Done(4, "30 min Spanish podcast", goalId: 9, result: "30 minutes"),
            ]));

        Assert.Equal(
            [new GoalReview(3, "Grow my network", 1, false), new GoalReview(1, "Finish the novel", 2, false), new GoalReview(2, "Run a 5K", 0, true)],
            review.Goals);
        Assert.Equal(4, review.Outcomes);   // the paused goal's outcome still counts in the total
        Assert.Contains(review.Notes, n => n.Contains("No outcome this week for “Run a 5K”", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_OutreachCompletedWithANo_StillCountsAsStretchAndOutcome()
    {
        var pitch = Done(1, "pitch my essay to The Atlantic", goalId: 1, result: "rejected, they said no");
        var rejected = pitch.WithSignals(SignalCode.Outreach, SignalCode.Exposure) with { Stretch = true };

        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), actions: [rejected]));

        Assert.Equal(1, review.StretchCount);
        Assert.True(review.StretchQuotaMet);
        Assert.Equal(1, review.Outcomes);
        Assert.DoesNotContain(review.Notes, n => n.StartsWith("No stretch action", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_StretchOnlyPlanned_QuotaNotMetAndFlagged()
    {
        var planned = Open(1, "sign up for the open-mic night", goalId: 1) with { Stretch = true };

        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), actions: [planned, Done(2, "write 500 words", goalId: 1)]));

        Assert.Equal(0, review.StretchCount);
        Assert.False(review.StretchQuotaMet);
        Assert.Contains(review.Notes, n => n.StartsWith("No stretch action this week", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_QuotaOfTwoWithOneStretch_NotMet()
    {
        var stretch = Done(1, "ask my manager to lead the offsite", goalId: 3) with { Stretch = true };

        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), actions: [stretch], stretchQuota: 2));

        Assert.Equal(1, review.StretchCount);
        Assert.False(review.StretchQuotaMet);
        Assert.Contains("1 stretch action this week, below your quota of 2.", review.Notes);
    }

    [Fact]
    public void Compute_QuotaOfZero_AnEmptyWeekIsNotFlaggedForStretch()
    {
        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), stretchQuota: 0));

        Assert.True(review.StretchQuotaMet);
        Assert.Empty(review.Cause(Cause.Fear).Evidence);
    }

    [Fact]
    public void Compute_WeekDates_AreTheReviewedWeek()
    {
        var review = ReviewCalculator.Compute(Input());

        Assert.Equal(new DateOnly(2027, 3, 1), review.WeekStart);
        Assert.Equal(new DateOnly(2027, 3, 7), review.WeekEnd);
    }

    [Fact]
    public void Compute_FewGoals_AddsTheFewGoalsNote()
    {
        var review = ReviewCalculator.Compute(Input(goals: [Goal(1, "Finish the novel")]));

        Assert.Contains(GoalRules.FewGoalsNote(1)!, review.Notes);
    }

    [Fact]
    public void Compute_SameInputTwice_GivesTheSameReview()
    {
        var input = Input(
            goals: ThreeGoals(),
            actions: [Done(1, "write 500 words", goalId: 1), Open(2, "buy a foam roller", verdict: Verdict.Passive).AddedMidweek()]);

        var a = ReviewCalculator.Compute(input);
        var b = ReviewCalculator.Compute(input);

        Assert.Equal(a.Goals, b.Goals);
        Assert.Equal(a.ProposedNow, b.ProposedNow);
        Assert.Equal(a.Notes, b.Notes);
        Assert.Equal(a.Diagnosis.Select(d => (d.Cause, d.Score, string.Join("|", d.Evidence))), b.Diagnosis.Select(d => (d.Cause, d.Score, string.Join("|", d.Evidence))));
    }
}
