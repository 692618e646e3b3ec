using Headway.Core;
using Headway.Core.Actions;

namespace Headway.App.Actions;

/// <summary>Drops an open action on purpose. It stays in the history: dropping stretch work again and again is a sign of fear.</summary>
public static class DropAction
{
    public static async Task<Result<PlannedAction>> RunAsync(PlannerSession s, long id, string? reason, CancellationToken ct)
    {
        if (reason is not null && TextRules.Check(reason, "reason", 500) is { } bad)
        {
            return bad;
        }

        return await s.Db.WriteAsync<PlannedAction>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await ActionQueries.FindAsync(s, id, ct, tx);
            if (!found.IsOk)
            {
                return found;
            }

            if (found.Value.Status != ActionStatus.Open)
            {
                return Error.Refused($"Action {id} is already {found.Value.Status.Name()}.");
            }

            await s.Db.ExecuteAsync(
                "UPDATE actions SET status = 'dropped', updated_at = @now, version = version + 1 WHERE id = @id AND user_id = @u",
                tx, ct, ("now", s.NowUtc), ("id", id), ("u", s.UserId));
            await ActionQueries.RecordAsync(s, tx, id, ActionEventKind.Dropped, reason?.Trim(), ct);
            return found.Value with { Status = ActionStatus.Dropped };
        }, ct);
    }
}
