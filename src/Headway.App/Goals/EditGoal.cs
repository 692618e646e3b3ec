using Headway.Core;
using Headway.Core.Goals;

namespace Headway.App.Goals;

/// <summary>The fields to change on a goal; null leaves a field as it is, and a Clear flag empties an optional one.</summary>
public sealed record GoalEdit(
    string? Title = null,
    string? Why = null,
    GoalArea? Area = null,
    Quantity? Target = null,
    DateOnly? TargetDate = null,
    bool ClearWhy = false,
    bool ClearTarget = false,
    bool ClearTargetDate = false);

/// <summary>Changes a goal's title, why, area, target or target date.</summary>
public static class EditGoal
{
    public static async Task<Result<Goal>> RunAsync(PlannerSession s, long id, GoalEdit edit, CancellationToken ct)
    {
        if (edit == new GoalEdit())
        {
            return Error.Invalid("Nothing to change: give --title, --why, --area, --target or --by.");
        }

        if (edit.Title is not null && GoalRules.CheckTitle(edit.Title) is { } bad)
        {
            return bad;
        }

        if (edit.Why is not null && TextRules.Check(edit.Why, "why", GoalRules.MaxWhyLength) is { } badWhy)
        {
            return badWhy;
        }

        if (edit.Target is { Amount: <= 0 or double.NaN or double.PositiveInfinity })
        {
            return Error.Invalid("A goal's target must be a positive amount, like \"80000 words\".");
        }

        if (edit.TargetDate is { } date && date < s.Today)
        {
            return Error.Invalid("A goal's target date cannot be in the past: pick a later date.");
        }

        return await s.Db.WriteAsync<Goal>(async tx =>
        {
            // Serializes the user's writes on PostgreSQL, so that a version check made before this edit still holds.
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await GoalQueries.FindAsync(s, id, ct, tx);
            if (!found.IsOk)
            {
                return found;
            }

            var goal = found.Value with
            {
                Title = edit.Title?.Trim() ?? found.Value.Title,
                Why = edit.ClearWhy ? null : edit.Why?.Trim() ?? found.Value.Why,
                Area = edit.Area ?? found.Value.Area,
                Target = edit.ClearTarget ? null : edit.Target ?? found.Value.Target,
                TargetDate = edit.ClearTargetDate ? null : edit.TargetDate ?? found.Value.TargetDate,
                Version = found.Value.Version + 1,
            };
            await s.Db.ExecuteAsync(
                """
                UPDATE goals SET title = @t, why = @w, area = @a, target_quantity = @q, target_unit = @unit, target_date = @d, updated_at = @now, version = version + 1
                WHERE id = @id AND user_id = @u
                """, tx, ct,
                ("t", goal.Title), ("w", goal.Why), ("a", goal.Area.Name()), ("q", goal.Target?.Amount), ("unit", goal.Target?.Unit),
                ("d", goal.TargetDate), ("now", s.NowUtc), ("id", id), ("u", s.UserId));
            return goal;
        }, ct);
    }
}
