using Headway.Core.Actions;
using Headway.Core.Goals;
using Headway.Core.Weeks;

namespace Headway.Core.Reviews;

/// <summary>One week of the history: what was completed, what of it was progress, and the outcomes per goal.</summary>
/// <param name="Week">The week, in the user's zone.</param>
/// <param name="Completed">Actions completed in the week.</param>
/// <param name="Outcomes">Of those, the ones that count as progress (<see cref="ReviewCalculator.IsProgress"/>).</param>
/// <param name="OutcomesByGoal">Outcomes per goal id; a goal without any is absent.</param>
public sealed record HistoryWeek(Week Week, int Completed, int Outcomes, IReadOnlyDictionary<long, int> OutcomesByGoal)
{
    /// <summary>The week's progress ratio (0 when nothing was completed), as the weekly review computes it.</summary>
    public double ProgressRatio => Completed == 0 ? 0 : (double)Outcomes / Completed;

    /// <summary>One goal's outcomes in the week.</summary>
    public int OutcomesFor(long goalId) => OutcomesByGoal.GetValueOrDefault(goalId);
}

/// <summary>Weeks in order, oldest first, and the goals they show: active ones and any other with an outcome in them.</summary>
public sealed record ReviewHistory(IReadOnlyList<HistoryWeek> Weeks, IReadOnlyList<Goal> Goals);

/// <summary>
/// Several weeks of reviews side by side (the review's charts): per week the completed actions, the outcomes and the
/// progress ratio, by the weekly review's own rule. Pure: the weeks, goals and completed actions are inputs.
/// </summary>
public static class HistoryCalculator
{
    /// <summary>Weeks shown by default: about a quarter.</summary>
    public const int DefaultWeeks = 12;

    /// <summary>
    /// The <paramref name="count"/> weeks ending with the one holding <paramref name="lastDay"/>, from the
    /// <paramref name="completed"/> actions (those done in the range; others are ignored).
    /// </summary>
    public static ReviewHistory Compute(WeekCalendar calendar, DateOnly lastDay, int count, IReadOnlyList<Goal> goals, IReadOnlyList<PlannedAction> completed)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var last = calendar.WeekOf(lastDay);
        var weeks = Enumerable.Range(0, count).Select(i => calendar.WeekOf(last.Start.AddDays(-7 * (count - 1 - i)))).ToList();
        var done = completed.Where(a => a.Status == ActionStatus.Done && a.CompletedAt is not null).ToList();
        var history = weeks.Select(w =>
        {
            var inWeek = done.Where(a => w.Contains(a.CompletedAt!.Value)).ToList();
            var progress = inWeek.Where(ReviewCalculator.IsProgress).ToList();
            var byGoal = progress.GroupBy(a => a.GoalId!.Value).ToDictionary(g => g.Key, g => g.Count());
            return new HistoryWeek(w, inWeek.Count, progress.Count, byGoal);
        }).ToList();
        var withOutcomes = history.SelectMany(h => h.OutcomesByGoal.Keys).ToHashSet();
        return new ReviewHistory(history, [.. goals.Where(g => g.Status == GoalStatus.Active || withOutcomes.Contains(g.Id))]);
    }
}
