using CsCheck;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Headway.Core.Reviews;
using Xunit;
using static Headway.Core.Tests.Reviews.ReviewData;

namespace Headway.Core.Tests.Reviews;

public sealed class ReviewPropertyTests
{
    private static readonly Gen<DateTime> AroundTheWeek =
        Gen.Int[-14 * 24, 21 * 24].Select(h => Week.StartUtc.AddHours(h));

    private static readonly Gen<Goal> GoalGen =
        Gen.Select(Gen.Long[1, 6], Gen.Enum<GoalStatus>(), (id, status) => Goal(id, $"goal {id}", status));

    // The user's override of the analyzer's verdict, sometimes: the review must count the verdict in force.
    private static readonly Gen<VerdictOverride?> OverrideGen =
        Gen.Int[0, 3].Select(n => n switch
        {
            0 => new VerdictOverride(Verdict.Meaningful, "it is real work"),
            1 => new VerdictOverride(Verdict.Passive, "just errands"),
            _ => (VerdictOverride?)null,
        });

    private static readonly Gen<PlannedAction> ActionGen =
        Gen.Select(
            Gen.Select(Gen.Long[1, 40], Gen.Long[0, 7], Gen.Enum<ActionStatus>(), Gen.Enum<Verdict>()),
            Gen.Select(Gen.Bool, Gen.OneOf<string?>(null, "", "  ", "1,000 words", "they said no"), AroundTheWeek, AroundTheWeek),
            Gen.Enum<SignalCode>().Array[0, 3],
            Gen.Int[-3, 20].Select(d => d < 0 ? (DateOnly?)null : Today.AddDays(d)),
            OverrideGen,
            (a, b, signals, due, over) => Open(a.Item1, $"action {a.Item1}", a.Item2 == 0 ? null : a.Item2, a.Item4).WithSignals(signals) with
            {
                Status = a.Item3,
                Stretch = b.Item1,
                Result = b.Item2,
                CreatedAt = b.Item3,
                CompletedAt = a.Item3 == ActionStatus.Done ? b.Item4 : null,
                Due = due,
                Override = over,
            });

    private static readonly Gen<ActionEvent> EventGen =
        Gen.Select(Gen.Long[1, 40], Gen.Enum<ActionEventKind>(), AroundTheWeek, (id, kind, at) => Event(id, kind, at));

    private static readonly Gen<Commitment> CommitmentGen =
        Gen.Select(Gen.Long[1, 10], Gen.Int[-20, 20], Gen.Long[1, 40], Gen.Enum<CommitmentStatus>(), AroundTheWeek,
            (id, due, target, status, at) => Commitment(id, Today.AddDays(due), goalId: target % 2 == 0 ? target % 7 : null,
                actionId: target % 2 == 0 ? null : target, status: status, resolvedAt: status is CommitmentStatus.Open or CommitmentStatus.Locked ? null : at));

    private static readonly Gen<ReviewInput> InputGen =
        Gen.Select(GoalGen.List[0, 7], ActionGen.List[0, 30], EventGen.List[0, 40], CommitmentGen.List[0, 6], Gen.Int[0, 3],
            (goals, actions, events, commitments, quota) =>
                Input(goals.DistinctBy(g => g.Id), actions.DistinctBy(a => a.Id), events, commitments.DistinctBy(c => c.Id), quota));

    [Fact]
    public void Compute_AnyStoredData_FiguresStayConsistent()
    {
        InputGen.Sample(input =>
        {
            var review = ReviewCalculator.Compute(input);

            Assert.InRange(review.ProgressRatio, 0, 1);
            Assert.InRange(review.Outcomes, 0, review.MeaningfulCompleted);
            Assert.InRange(review.MeaningfulCompleted, 0, review.Completed);
            Assert.InRange(review.StretchCount, 0, review.Completed);
            Assert.Equal(review.StretchCount >= input.StretchQuota, review.StretchQuotaMet);
            Assert.Equal(3, review.Diagnosis.Select(d => d.Cause).Distinct().Count());
            Assert.All(review.Diagnosis, d => Assert.InRange(d.Score, 0, 100));
            Assert.All(review.Diagnosis, d => Assert.Equal(d.Score == 0, d.Evidence.Count == 0));
            Assert.True(review.Diagnosis.Zip(review.Diagnosis.Skip(1)).All(p => p.First.Score >= p.Second.Score));

            var open = input.Actions.Where(a => a.Status == ActionStatus.Open).Select(a => a.Id).ToHashSet();
            Assert.InRange(review.ProposedNow.Count, 0, 5);
            Assert.Subset(open, review.ProposedNow.ToHashSet());
            Assert.Equal(review.ProposedNow.Count, review.ProposedNow.Distinct().Count());

            Assert.All(review.Goals, g => Assert.Equal(g.Outcomes == 0, g.Stalled));
            Assert.True(review.Goals.Sum(g => g.Outcomes) <= review.Outcomes);
        }, iter: 500);
    }

    /// <summary>
    /// The figures recomputed from the raw data with DESIGN.md's definitions, independently of the calculator: the
    /// progress ratio is (meaningful ∧ aligned ∧ result recorded) / completed, over actions done within the week; each
    /// active goal's outcomes are those of its own such actions, so they add up to the outcomes on active goals; a goal
    /// is stalled exactly when none of its actions was such an outcome.
    /// </summary>
    [Fact]
    public void Compute_AnyStoredData_MatchesTheDefinitions()
    {
        InputGen.Sample(input =>
        {
            var review = ReviewCalculator.Compute(input);

            var done = input.Actions.Where(a => a.Status == ActionStatus.Done && a.CompletedAt is { } at
                                                && at >= input.Week.StartUtc && at < input.Week.EndUtc).ToList();
            var progress = done.Where(a => (a.Override?.Verdict ?? a.Verdict) == Verdict.Meaningful && a.GoalId is not null
                                           && !string.IsNullOrWhiteSpace(a.Result)).ToList();
            Assert.Equal(done.Count, review.Completed);
            Assert.Equal(done.Count(a => (a.Override?.Verdict ?? a.Verdict) == Verdict.Meaningful), review.MeaningfulCompleted);
            Assert.Equal(progress.Count, review.Outcomes);
            Assert.Equal(done.Count == 0 ? 0 : (double)progress.Count / done.Count, review.ProgressRatio, 12);

            var active = input.Goals.Where(g => g.Status == GoalStatus.Active).Select(g => g.Id).ToList();
            Assert.Equal(active, review.Goals.Select(g => g.Id));
            foreach (var goal in review.Goals)
            {
                var own = progress.Count(a => a.GoalId == goal.Id);
                Assert.Equal(own, goal.Outcomes);
                Assert.Equal(own == 0, goal.Stalled);
            }

            Assert.Equal(progress.Count(a => active.Contains(a.GoalId!.Value)), review.Goals.Sum(g => g.Outcomes));
            Assert.Equal(done.Count(a => a.Stretch), review.StretchCount);
        }, iter: 500);
    }
}
