using Headway.App.Actions;
using Headway.App.Goals;
using Headway.Core.Reviews;

namespace Headway.App.Reviews;

/// <summary>
/// Loads the actions completed in the weeks up to one day's week and lines them up week by week (the review's charts).
/// Every figure is recomputed from stored data with the weekly review's rule.
/// </summary>
public static class BuildHistory
{
    public static async Task<ReviewHistory> RunAsync(PlannerSession s, DateOnly? dayInLastWeek, CancellationToken ct, int weeks = HistoryCalculator.DefaultWeeks)
    {
        var calendar = s.User.Calendar;
        var last = calendar.WeekOf(dayInLastWeek ?? s.Today);
        var first = calendar.WeekOf(last.Start.AddDays(-7 * (weeks - 1)));
        var goals = await GoalQueries.ListAsync(s, includeClosed: true, ct);
        var completed = await ActionQueries.CompletedBetweenAsync(s, first.StartUtc, last.EndUtc, ct);
        return HistoryCalculator.Compute(calendar, last.Start, weeks, goals, completed);
    }
}
