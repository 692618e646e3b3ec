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
            var found = await ActionQueries.FindOpenForWriteAsync(s, id, tx, "", ct);
            if (!found.IsOk)
            {
                return found;
            }

            await s.Db.ExecuteAsync(
                "UPDATE actions SET status = 'dropped', updated_at = @now, version = version + 1 WHERE id = @id AND user_id = @u",
                tx, ct, ("now", s.NowUtc), ("id", id), ("u", s.UserId));
            await ActionQueries.RecordAsync(s, tx, id, ActionEventKind.Dropped, reason?.Trim(), ct);
            return found.Value with { Status = ActionStatus.Dropped, Version = found.Value.Version + 1 };
        }, ct);
    }
}
