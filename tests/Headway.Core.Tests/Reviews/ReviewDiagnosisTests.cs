using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Reviews;
using Xunit;
using static Headway.Core.Tests.Reviews.ReviewData;

namespace Headway.Core.Tests.Reviews;

public sealed class ReviewDiagnosisTests
{
    private static readonly PlannedAction StretchDone =
        Done(90, "submit my story to the spring contest", goalId: 1, result: "submitted") with { Stretch = true };

    [Fact]
    public void CleanWeek_AllThreeCausesScoreZeroWithoutEvidence_InEnumOrder()
    {
        var review = ReviewCalculator.Compute(Input(goals: ThreeGoals(), actions: [StretchDone, Done(1, "run 5 km", goalId: 2)]));

        Assert.Equal([Cause.NoGoals, Cause.Perfectionism, Cause.Fear], review.Diagnosis.Select(d => d.Cause));
        Assert.All(review.Diagnosis, d => Assert.Equal(0, d.Score));
        Assert.All(review.Diagnosis, d => Assert.Empty(d.Evidence));
    }

    [Fact]
    public void NoGoals_NoActiveGoalsAndOnlyUnalignedWork_ScoresFullWithTheActionsNamed()
    {
        var review = ReviewCalculator.Compute(Input(
            actions: [Done(1, "clean out the inbox") with { Stretch = true }, Open(2, "reorganize the bookshelf").AddedMidweek()]));

        var d = review.Cause(Cause.NoGoals);
        Assert.Equal(100, d.Score);
        Assert.Equal(
            ["You have no active goals.",
             "2 of 2 (100%) of the actions completed or added this week serve no goal: “clean out the inbox”, “reorganize the bookshelf”."],
            d.Evidence);
        Assert.Equal(Cause.NoGoals, review.Diagnosis[0].Cause);
    }

    [Fact]
    public void NoGoals_TwoGoalsAndOneUnalignedOfFour_ScoresPartly()
    {
        var review = ReviewCalculator.Compute(Input(
            goals: [Goal(1, "Finish the novel"), Goal(2, "Run a 5K")],
            actions:
            [
                StretchDone,
                Done(1, "write 500 words", goalId: 1),
                Done(2, "run 5 km", goalId: 2),
                Done(3, "sort the photo library"),
            ]));

        var d = review.Cause(Cause.NoGoals);
        Assert.Equal(15 + 13, d.Score);
        Assert.Equal("You have only 2 active goals; the method asks for 3–5.", d.Evidence[0]);
        Assert.Contains("1 of 4 (25%)", d.Evidence[1], StringComparison.Ordinal);
        Assert.Contains("“sort the photo library”", d.Evidence[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Perfectionism_PreparationAndPolishingShare_NamesTheActions()
    {
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions:
            [
                StretchDone,
                Done(1, "research literary agents", goalId: 1).WithSignals(SignalCode.Preparation),
                Done(2, "tweak the font of my résumé again", goalId: 3).WithSignals(SignalCode.Polishing),
                Done(3, "run 5 km", goalId: 2),
            ]));

        var d = review.Cause(Cause.Perfectionism);
        Assert.Equal(25, d.Score);
        Assert.Equal(
            "2 of 4 (50%) of the actions completed or added this week are preparing or polishing: “research literary agents”, “tweak the font of my résumé again”.",
            Assert.Single(d.Evidence));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 10)]
    [InlineData(5, 10)]
    public void Perfectionism_RepeatedEditsOfAnOpenAction_CountFromThree(int edits, int score)
    {
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions: [StretchDone, Open(1, "plan the perfect chapter outline", goalId: 1)],
            events: Enumerable.Range(0, edits).Select(i => Event(1, ActionEventKind.Edited, Midweek.AddDays(-20 + i)))));

        var d = review.Cause(Cause.Perfectionism);
        Assert.Equal(score, d.Score);
        if (score > 0)
        {
            Assert.Equal($"“plan the perfect chapter outline” was edited {edits} times.", Assert.Single(d.Evidence));
        }
        else
        {
            Assert.Empty(d.Evidence);
        }
    }

    [Fact]
    public void Perfectionism_ManyPlansFewCompletions_IsReported()
    {
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions: [StretchDone, .. Enumerable.Range(1, 6).Select(i => Open(i, $"write scene {i}", goalId: 1).AddedMidweek())]));

        var d = review.Cause(Cause.Perfectionism);
        Assert.Equal(25, d.Score);
        Assert.Equal("You added 6 actions this week but completed 1: plans without completions.", Assert.Single(d.Evidence));
    }

    [Fact]
    public void Perfectionism_PlansMatchedByCompletions_IsNotReported()
    {
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions:
            [
                StretchDone,
                Done(1, "run 5 km", goalId: 2),
                .. Enumerable.Range(2, 4).Select(i => Open(i, $"write scene {i}", goalId: 1).AddedMidweek()),
            ]));

        Assert.Equal(0, review.Cause(Cause.Perfectionism).Score);
    }

    [Fact]
    public void Fear_RiskyActionsPostponedOrDropped_AreNamedAndAWeekWithoutStretchIsFlagged()
    {
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions:
            [
                Open(1, "ask Dana for a referral at Acme", goalId: 3) with { Stretch = true },
                Open(2, "submit the story to Ploughshares", goalId: 1).WithSignals(SignalCode.Exposure)
                    with { Status = ActionStatus.Dropped },
                Open(3, "DM the race organizer about volunteering", goalId: 2).WithSignals(SignalCode.Outreach),
                Open(4, "pitch a talk to the meetup", goalId: 3).WithSignals(SignalCode.Exposure)
                    with { Status = ActionStatus.Dropped },
                Done(5, "run 5 km", goalId: 2),
            ],
            events:
            [
                Event(1, ActionEventKind.Postponed, Midweek.AddDays(-9)),
                Event(1, ActionEventKind.Postponed, Midweek.AddDays(-2)),
                Event(2, ActionEventKind.Postponed, Midweek.AddDays(-8)),
                Event(2, ActionEventKind.Dropped, Midweek),
                Event(3, ActionEventKind.Postponed, Midweek),                   // once: not yet a pattern
                Event(4, ActionEventKind.Dropped, Midweek.AddDays(-30)),       // dropped long ago: old news
            ]));

        var d = review.Cause(Cause.Fear);
        Assert.Equal(75, d.Score);
        Assert.Equal(
            [
                "“ask Dana for a referral at Acme” was postponed 2 times and is still open.",
                "“submit the story to Ploughshares” was postponed once, then dropped this week.",
                "No stretch action this week: nothing outside your comfort zone was done.",
            ],
            d.Evidence);
        Assert.Equal(Cause.Fear, review.Diagnosis[0].Cause);
    }

    [Fact]
    public void Fear_RiskyActionFinallyDone_IsNotHeldAgainstTheUser()
    {
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions: [StretchDone],
            events: [.. Enumerable.Range(1, 3).Select(i => Event(90, ActionEventKind.Postponed, Midweek.AddDays(-i)))]));

        var d = review.Cause(Cause.Fear);
        Assert.Equal(0, d.Score);
        Assert.Empty(d.Evidence);
    }

    [Fact]
    public void Fear_ManyAvoidedActions_ScoreIsCappedAt100()
    {
        var risky = Enumerable.Range(1, 6).Select(i => Open(i, $"call recruiter {i}", goalId: 3) with { Stretch = true }).ToList();
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions: risky,
            events: [.. risky.SelectMany(a => new[] { Event(a.Id, ActionEventKind.Postponed), Event(a.Id, ActionEventKind.Postponed) })]));

        var d = review.Cause(Cause.Fear);
        Assert.Equal(100, d.Score);
        Assert.Equal(7, d.Evidence.Count);
    }

    [Fact]
    public void Evidence_LongActionText_IsShortenedToAboutSixtyCharacters()
    {
        var longText = "email the head of the regional writers' association to ask whether they would host a reading of my novel";
        var review = ReviewCalculator.Compute(Input(
            goals: ThreeGoals(),
            actions: [Open(1, longText, goalId: 1) with { Stretch = true }],
            events: [Event(1, ActionEventKind.Postponed), Event(1, ActionEventKind.Postponed)]));

        var sentence = review.Cause(Cause.Fear).Evidence[0];
        var quoted = sentence[..(sentence.IndexOf('”', StringComparison.Ordinal) + 1)];
        Assert.StartsWith("“email the head of the regional writers' association", quoted, StringComparison.Ordinal);
        Assert.EndsWith("…”", quoted, StringComparison.Ordinal);
        Assert.InRange(quoted.Length, 40, 62);
    }
}
