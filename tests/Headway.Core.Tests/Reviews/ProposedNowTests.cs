using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Goals;
using Headway.Core.Reviews;
using Xunit;
using static Headway.Core.Tests.Reviews.ReviewData;

namespace Headway.Core.Tests.Reviews;

public sealed class ProposedNowTests
{
    private static IReadOnlyList<long> Propose(params PlannedAction[] actions) =>
        ReviewCalculator.Compute(Input(
            goals: [.. ThreeGoals(), Goal(4, "Learn Spanish", GoalStatus.Paused)],
            actions:
            [
                Done(100, "write 1,000 words", goalId: 1, result: "1,000 words"),   // goal 1 moved; goals 2 and 3 stalled
                .. actions,
            ])).ProposedNow;

    [Fact]
    public void StalledGoalsFirst_ThenOtherAlignedMeaningful()
    {
        var proposed = Propose(
            Open(1, "write 500 words", goalId: 1),
            Open(2, "run 5 km", goalId: 2),
            Open(3, "DM Ana to ask for coffee", goalId: 3));

        Assert.Equal([2, 3, 1], proposed);
    }

    [Fact]
    public void WithinATier_StretchThenDueSoonestThenMeasuredThenId()
    {
        var proposed = Propose(
            Open(1, "run 3 km", goalId: 2),
            Open(2, "run 4 km", goalId: 2) with { Outcome = new ExpectedOutcome(4, "km", "4 km") },
            Open(3, "run 5 km", goalId: 2) with { Due = new DateOnly(2027, 3, 12) },
            Open(4, "run 6 km", goalId: 2) with { Due = new DateOnly(2027, 3, 9) },
            Open(5, "join the club's Saturday race", goalId: 2) with { Stretch = true });

        Assert.Equal([5, 4, 3, 2, 1], proposed);
    }

    [Fact]
    public void AtMostFive_AndOnlyOpenActions()
    {
        var proposed = Propose(
        [
            .. Enumerable.Range(1, 8).Select(i => Open(i, $"write {i * 100} words", goalId: 1)),
            Done(20, "run 5 km", goalId: 2),
            Open(21, "ask Bo to spar", goalId: 2) with { Status = ActionStatus.Dropped },
        ]);

        Assert.Equal([1, 2, 3, 4, 5], proposed);
    }

    [Fact]
    public void PassiveUnalignedOrInactiveGoal_LeftOutWhenSomethingBetterExists()
    {
        var proposed = Propose(
            Open(1, "watch running form videos", goalId: 2, verdict: Verdict.Passive),
            Open(2, "clean the garage"),
            Open(3, "30 min Spanish conversation", goalId: 4),
            Open(4, "write 300 words", goalId: 1));

        Assert.Equal([4], proposed);
    }

    [Fact]
    public void OnlyPassiveOrUnaligned_ProposedRatherThanNothing()
    {
        var proposed = Propose(
            Open(1, "watch running form videos", goalId: 2, verdict: Verdict.Passive),
            Open(2, "clean the garage"));

        Assert.Equal([1, 2], proposed);
    }

    [Fact]
    public void NoOpenActions_ProposesNothing()
    {
        Assert.Empty(Propose());
    }
}
