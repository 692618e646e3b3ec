using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.Core.Actions;
using Headway.Core.Reviews;

namespace Headway.App.Reviews;

/// <summary>A computed review, with the actions it names so that a screen can show their text.</summary>
public sealed record ReviewReport(WeeklyReview Review, IReadOnlyDictionary<long, PlannedAction> Actions);

/// <summary>Loads one week's stored data and computes its review. Nothing is stored: every figure is recomputed.</summary>
public static class BuildReview
{
    public static async Task<ReviewReport> RunAsync(PlannerSession s, DateOnly? dayInWeek, CancellationToken ct)
    {
        var input = await LoadAsync(s, dayInWeek, ct);
        return new ReviewReport(ReviewCalculator.Compute(input), input.Actions.ToDictionary(a => a.Id));
    }

    /// <summary>The stored facts of one week, as the review reads them (the check-in computes from a shared part of them).</summary>
    public static async Task<ReviewInput> LoadAsync(PlannerSession s, DateOnly? dayInWeek, CancellationToken ct)
    {
        var week = s.User.Calendar.WeekOf(dayInWeek ?? s.Today);
        var goals = await GoalQueries.ListAsync(s, includeClosed: true, ct);
        // Open work to propose from (the backlog only where it matters: stretch work, work put off before, work under a
        // commitment), and what was created, finished or dropped during the week.
        var actions = await s.Db.ListAsync(
            $"""
            SELECT {ActionQueries.Columns} FROM actions
            WHERE user_id = @u AND (
                (status = 'open' AND (horizon IN ('now', 'week') OR stretch = @yes
                    OR id IN (SELECT action_id FROM action_events WHERE user_id = @u AND kind = 'postponed')))
                OR id IN (SELECT action_id FROM commitments WHERE user_id = @u AND action_id IS NOT NULL AND status IN ('open', 'locked'))
                OR (created_at >= @start AND created_at < @end)
                OR (completed_at >= @start AND completed_at < @end)
                OR (status = 'dropped' AND updated_at >= @start AND updated_at < @end)
                OR id IN (SELECT action_id FROM action_events WHERE user_id = @u AND at >= @start AND at < @end))
            ORDER BY id
            """,
            ActionQueries.Map, null, ct, ("u", s.UserId), ("start", week.StartUtc), ("end", week.EndUtc), ("yes", true));
        var events = await s.Db.ListAsync(
            """
            SELECT e.action_id, e.kind, e.at, e.detail FROM action_events e
            WHERE e.user_id = @u AND e.at < @end AND e.action_id IN (
                SELECT id FROM actions WHERE user_id = @u AND (
                    (status = 'open' AND (horizon IN ('now', 'week') OR stretch = @yes
                        OR id IN (SELECT action_id FROM action_events WHERE user_id = @u AND kind = 'postponed')))
                    OR id IN (SELECT action_id FROM commitments WHERE user_id = @u AND action_id IS NOT NULL AND status IN ('open', 'locked'))
                    OR (created_at >= @start AND created_at < @end)
                    OR (completed_at >= @start AND completed_at < @end)
                    OR (status = 'dropped' AND updated_at >= @start AND updated_at < @end)))
            ORDER BY e.at, e.id
            """,
            ActionQueries.MapEvent, null, ct, ("u", s.UserId), ("start", week.StartUtc), ("end", week.EndUtc), ("yes", true));
        var commitments = await CommitmentQueries.ListAsync(s, includeClosed: true, ct);

        return new ReviewInput(week, s.Today, goals, actions, events, commitments);
    }
}
