using Headway.Core;
using Headway.Core.Actions;

namespace Headway.App.Actions;

/// <summary>
/// Marks an action done with the result actually achieved ("1,150 words", "rejected, but asked for feedback").
/// Live commitments bound to the action are kept.
/// </summary>
public static class CompleteAction
{
    public const int MaxResultLength = 500;

    public static async Task<Result<PlannedAction>> RunAsync(PlannerSession s, long id, string? result, CancellationToken ct)
    {
        if (result is not null && TextRules.Check(result, "result", MaxResultLength) is { } bad)
        {
            return bad;
        }

        return await s.Db.WriteAsync<PlannedAction>(async tx =>
        {
            var found = await ActionQueries.FindOpenForWriteAsync(s, id, tx, "", ct);
            if (!found.IsOk)
            {
                return found;
            }

            var action = found.Value;

            var now = s.NowUtc;
            var done = action with { Status = ActionStatus.Done, Result = result?.Trim(), CompletedAt = now, Version = action.Version + 1 };
            await s.Db.ExecuteAsync(
                "UPDATE actions SET status = 'done', result = @r, completed_at = @now, updated_at = @now, version = version + 1 WHERE id = @id AND user_id = @u",
                tx, ct, ("r", done.Result), ("now", now), ("id", id), ("u", s.UserId));
            await ActionQueries.RecordAsync(s, tx, id, ActionEventKind.Completed, done.Result, ct);
            await s.Db.ExecuteAsync(
                "UPDATE commitments SET status = 'kept', resolved_at = @now, version = version + 1 WHERE user_id = @u AND action_id = @id AND status IN ('open', 'locked') AND due >= @today",
                tx, ct, ("now", now), ("u", s.UserId), ("id", id), ("today", s.Today));
            return done;
        }, ct);
    }
}
