using Headway.Core;
using Headway.Core.Goals;

namespace Headway.App.Goals;

/// <summary>What the user gives for a new goal.</summary>
public sealed record NewGoal(string Title, string? Why = null, GoalArea Area = GoalArea.Other, Quantity? Target = null, DateOnly? TargetDate = null);

/// <summary>Adds an active goal, refused when five are already active.</summary>
public static class AddGoal
{
    public static async Task<Result<Goal>> RunAsync(PlannerSession s, NewGoal goal, CancellationToken ct)
    {
        if (GoalRules.CheckTitle(goal.Title) is { } bad)
        {
            return bad;
        }

        if (goal.Why is not null && TextRules.Check(goal.Why, "why", GoalRules.MaxWhyLength) is { } badWhy)
        {
            return badWhy;
        }

        if (goal.Target is { Amount: <= 0 or double.NaN or double.PositiveInfinity })
        {
            return Error.Invalid("A goal's target must be a positive amount, like \"80000 words\".");
        }

        if (goal.TargetDate is { } date && date < s.Today)
        {
            return Error.Invalid("A goal's target date cannot be in the past: pick a later date.");
        }

        return await s.Db.WriteAsync<Goal>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            if (GoalRules.CheckCanActivate((int)await GoalQueries.CountActiveAsync(s, tx, ct)) is { } refused)
            {
                return refused;
            }

            var now = s.NowUtc;
            var id = await s.Db.LongAsync(
                """
                INSERT INTO goals (user_id, title, why, area, status, target_quantity, target_unit, target_date, created_at, updated_at, version)
                VALUES (@u, @t, @w, @a, 'active', @q, @unit, @d, @now, @now, 1) RETURNING id
                """, tx, ct,
                ("u", s.UserId), ("t", goal.Title.Trim()), ("w", goal.Why?.Trim()), ("a", goal.Area.Name()),
                ("q", goal.Target?.Amount), ("unit", goal.Target?.Unit), ("d", goal.TargetDate), ("now", now));
            return new Goal(id, goal.Title.Trim(), goal.Why?.Trim(), goal.Area, GoalStatus.Active, goal.Target, goal.TargetDate, now);
        }, ct);
    }
}
