using Headway.Core;
using Headway.Core.Actions;

namespace Headway.App.Actions;

/// <summary>Moves an open action between Now, This week and Later, within the caps. Moving it later is a postponement.</summary>
public static class MoveAction
{
    public static async Task<Result<PlannedAction>> RunAsync(PlannerSession s, long id, Horizon to, CancellationToken ct) =>
        await s.Db.WriteAsync<PlannedAction>(async tx =>
        {
            var found = await ActionQueries.FindOpenForWriteAsync(s, id, tx, ": only open actions move", ct);
            if (!found.IsOk)
            {
                return found;
            }

            var action = found.Value;

            if (action.Horizon == to)
            {
                return Error.Refused($"Action {id} is already in {to.Name()}.");
            }

            if (HorizonRules.CheckRoom(to, (int)await ActionQueries.CountOpenAsync(s, to, ct, tx)) is { } full)
            {
                return full;
            }

            var moved = action with { Horizon = to, PlannedWeek = s.ThisWeek.Start, Version = action.Version + 1 };
            await s.Db.ExecuteAsync(
                "UPDATE actions SET horizon = @h, planned_week = @w, updated_at = @now, version = version + 1 WHERE id = @id AND user_id = @u",
                tx, ct, ("h", to.Name()), ("w", moved.PlannedWeek), ("now", s.NowUtc), ("id", id), ("u", s.UserId));
            var kind = HorizonRules.IsPostponement(action.Horizon, to) ? ActionEventKind.Postponed : ActionEventKind.Advanced;
            await ActionQueries.RecordAsync(s, tx, id, kind, $"{action.Horizon.Name()} → {to.Name()}", ct);
            return moved;
        }, ct);
}
