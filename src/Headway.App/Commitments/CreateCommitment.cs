using Headway.App.Actions;
using Headway.App.Goals;
using Headway.Core;
using Headway.Core.Commitments;
using Headway.Core.Goals;

namespace Headway.App.Commitments;

/// <summary>What the user gives for a commitment: a goal (id or title) or an action id, a date, optionally an event.</summary>
public sealed record NewCommitment(
    string? Goal, long? ActionId, DateOnly Due, string? EventName = null, string? EventLink = null, Quantity? Target = null, bool Lock = false);

/// <summary>Sets a firm date on a goal or action, optionally locking it at once.</summary>
public static class CreateCommitment
{
    public static async Task<Result<Commitment>> RunAsync(PlannerSession s, NewCommitment input, CancellationToken ct) =>
        await s.Db.WriteAsync<Commitment>(async tx =>
        {
            long? goalId = null;
            if (input.Goal is not null)
            {
                var goal = await GoalQueries.ResolveAsync(s, input.Goal, ct, tx);
                if (!goal.IsOk)
                {
                    return goal.Error!;
                }

                goalId = goal.Value.Id;
            }

            if (input.ActionId is { } actionId)
            {
                var action = await ActionQueries.FindAsync(s, actionId, ct, tx);
                if (!action.IsOk)
                {
                    return action.Error!;
                }
            }

            var eventName = input.EventName?.Trim();
            var link = input.EventLink?.Trim();
            if (CommitmentRules.CheckNew(goalId, input.ActionId, input.Due, s.Today, eventName, link, input.Target) is { } bad)
            {
                return bad;
            }

            var now = s.NowUtc;
            var status = input.Lock ? CommitmentStatus.Locked : CommitmentStatus.Open;
            var id = await s.Db.LongAsync(
                """
                INSERT INTO commitments (user_id, goal_id, action_id, due, event_name, event_link, target_quantity, target_unit, status, created_at, locked_at, resolved_at, version)
                VALUES (@u, @g, @a, @due, @n, @l, @q, @unit, @s, @now, @locked, NULL, 1) RETURNING id
                """, tx, ct,
                ("u", s.UserId), ("g", goalId), ("a", input.ActionId), ("due", input.Due), ("n", eventName), ("l", link),
                ("q", input.Target?.Amount), ("unit", input.Target?.Unit), ("s", CommitmentRules.Name(status)), ("now", now),
                ("locked", input.Lock ? now : null));
            return new Commitment(id, goalId, input.ActionId, input.Due, eventName, link, input.Target, status, now, input.Lock ? now : null, null, 1);
        }, ct);
}
