using Headway.Core;
using Headway.Core.Goals;

namespace Headway.App.Goals;

/// <summary>Pauses, resumes, achieves or drops a goal. Resuming counts against the cap of five active goals.</summary>
public static class ChangeGoalStatus
{
    public static async Task<Result<Goal>> RunAsync(PlannerSession s, long id, GoalStatus status, CancellationToken ct) =>
        await s.Db.WriteAsync<Goal>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await GoalQueries.FindAsync(s, id, ct, tx);
            if (!found.IsOk)
            {
                return found;
            }

            var goal = found.Value;
            if (goal.Status == status)
            {
                return Error.Refused($"Goal {id} is already {status.Name()}.");
            }

            if (status == GoalStatus.Active
                && GoalRules.CheckCanActivate((int)await GoalQueries.CountActiveAsync(s, tx, ct)) is { } refused)
            {
                return refused;
            }

            await s.Db.ExecuteAsync("UPDATE goals SET status = @s, updated_at = @now, version = version + 1 WHERE id = @id AND user_id = @u", tx, ct,
                ("s", status.Name()), ("now", s.NowUtc), ("id", id), ("u", s.UserId));
            return goal with { Status = status, Version = goal.Version + 1 };
        }, ct);
}
