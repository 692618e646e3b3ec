using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using static Headway.Core.Reviews.ReviewText;

namespace Headway.Core.Reviews;

/// <summary>
/// Computes the weekly review (DESIGN.md "Review" and "Measures") from stored data only. Pure and deterministic:
/// the week and today are inputs, nothing is read from a clock, and every figure can be recomputed at any time.
/// </summary>
public static class ReviewCalculator
{
    /// <summary>Days ahead of today in which a live commitment without progress is at risk.</summary>
    public const int AtRiskDays = 7;

    /// <summary>Most actions proposed for next week's Now list: the Now cap.</summary>
    public const int MaxProposed = HorizonRules.NowCap;

    /// <summary>
    /// True when a completed action is progress: meaningful, aligned to a goal, and with a recorded result. A ticked
    /// box is activity; progress is a meaningful step toward a goal that left a result the user wrote down. A "no"
    /// from an editor is such a result: the risk was taken, so it counts.
    /// </summary>
    public static bool IsProgress(PlannedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.EffectiveVerdict == Verdict.Meaningful && action.IsAligned && !string.IsNullOrWhiteSpace(action.Result);
    }

    /// <summary>The review of <see cref="ReviewInput.Week"/>.</summary>
    public static WeeklyReview Compute(ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = new ReviewFacts(input);
        var quota = Math.Max(0, input.StretchQuota);

        var completed = facts.Completed.Count;
        var meaningful = facts.Completed.Count(a => a.EffectiveVerdict == Verdict.Meaningful);
        var outcomes = facts.Progress.Count;

        // Why per active goal only: paused, achieved and dropped goals are not expected to move this week.
        var goals = facts.ActiveGoals
            .Select(g => (Goal: g, Outcomes: facts.OutcomesFor(g.Id)))
            .Select(x => new GoalReview(x.Goal.Id, x.Goal.Title, x.Outcomes, Stalled: x.Outcomes == 0))
            .ToList();

        // A stretch action completed with a "no" counts like any other: the point is that the risk was taken.
        var stretch = facts.Completed.Count(a => a.Stretch);

        var (summary, atRisk, missed) = SummarizeCommitments(facts);

        return new WeeklyReview(
            input.Week.Start,
            input.Week.End,
            completed,
            meaningful,
            completed == 0 ? 0 : (double)outcomes / completed,
            outcomes,
            goals,
            stretch,
            stretch >= quota,
            summary,
            Diagnoser.Diagnose(facts, stretch, quota),
            NowProposal.Propose(facts, goals),
            Notes(facts, goals, stretch, quota, atRisk, missed));
    }

    private static (CommitmentSummary Summary, List<Commitment> AtRisk, List<Commitment> Missed) SummarizeCommitments(ReviewFacts facts)
    {
        var week = facts.Input.Week;
        var today = facts.Input.Today;
        var kept = facts.Input.Commitments.Count(c => c.Status == CommitmentStatus.Kept && InWeek(c.ResolvedAt));

        // Missed in the week: due on one of its dates or recorded missed during it. A live commitment whose date has
        // passed is missed even if nobody has recorded it yet, so the review does not depend on when detection ran.
        var missed = facts.Input.Commitments
            .Where(c => (c.Status == CommitmentStatus.Missed || CommitmentRules.DetectMissed(c, today) is not null)
                        && (week.Contains(c.Due) || InWeek(c.ResolvedAt)))
            .OrderBy(c => c.Due).ThenBy(c => c.Id)
            .ToList();

        // At risk: still live, due in the next seven days (today included), and nothing this week moved it forward.
        var atRisk = facts.Input.Commitments
            .Where(c => c.IsLive && c.Due >= today && c.Due.DayNumber - today.DayNumber <= AtRiskDays && !IsMoving(facts, c))
            .OrderBy(c => c.Due).ThenBy(c => c.Id)
            .ToList();

        return (new CommitmentSummary(kept, atRisk.Count, missed.Count), atRisk, missed);

        bool InWeek(DateTime? at) => at is { } t && week.Contains(t);
    }

    /// <summary>
    /// A commitment is moving when its goal got an outcome this week; one bound to an action also when that action is
    /// done or the action's goal got an outcome this week. An action that cannot be found (not loaded) is not moving.
    /// </summary>
    internal static bool IsMoving(ReviewFacts facts, Commitment c)
    {
        if (c.GoalId is { } goalId)
        {
            return facts.OutcomesFor(goalId) > 0;
        }

        return c.ActionId is { } actionId
               && facts.ActionsById.TryGetValue(actionId, out var action)
               && (action.Status == ActionStatus.Done || (action.GoalId is { } g && facts.OutcomesFor(g) > 0));
    }

    private static List<string> Notes(
        ReviewFacts facts, List<GoalReview> goals, int stretch, int quota, List<Commitment> atRisk, List<Commitment> missed)
    {
        var notes = new List<string>();
        if (GoalRules.FewGoalsNote(facts.ActiveGoals.Count) is { } few)
        {
            notes.Add(few);
        }

        var completed = facts.Completed.Count;
        if (completed == 0)
        {
            notes.Add("Nothing was completed this week: pick one action from the proposed Now list and finish it.");
        }
        else if (facts.Progress.Count == 0)
        {
            notes.Add($"You completed {Plural(completed, "action", "actions")} but none advanced a goal with a recorded result: busy, not yet productive.");
        }

        var unrecorded = facts.Completed.Count(a => a.EffectiveVerdict == Verdict.Meaningful && a.IsAligned && string.IsNullOrWhiteSpace(a.Result));
        if (unrecorded > 0)
        {
            notes.Add($"{Plural(unrecorded, "meaningful action was", "meaningful actions were")} completed without a result: an outcome counts once you record what it achieved.");
        }

        var stalled = goals.Where(g => g.Stalled).Select(g => g.Title).ToList();
        if (stalled.Count > 0)
        {
            notes.Add($"No outcome this week for {QuoteSome(stalled)}: put one concrete step toward {(stalled.Count == 1 ? "it" : "each")} in Now.");
        }

        if (stretch < quota)
        {
            notes.Add(stretch == 0
                ? "No stretch action this week: take one step outside your comfort zone — ask, submit, sign up. Even a \"no\" counts."
                : $"{Plural(stretch, "stretch action", "stretch actions")} this week, below your quota of {quota}.");
        }

        notes.AddRange(atRisk.Select(c =>
            $"{Quote(c.Describe())} is due {DueIn(c.Due.DayNumber - facts.Input.Today.DayNumber)} and nothing moved it forward this week."));
        if (missed.Count > 0)
        {
            notes.Add($"Missed this week: {QuoteSome([.. missed.Select(c => c.Describe())])}.");
        }

        return notes;
    }

    private static string DueIn(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {Plural(days, "day", "days")}",
    };
}
