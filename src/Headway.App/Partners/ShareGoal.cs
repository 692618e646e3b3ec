using Headway.Core;
using Headway.Core.Goals;

namespace Headway.App.Partners;

/// <summary>Shares one more goal with a partner, optionally setting whether they see actions or only outcomes.</summary>
public static class ShareGoal
{
    public static Task<Result<(Partner Partner, Goal Goal)>> RunAsync(PlannerSession s, string partner, string goal, bool? seesActions, CancellationToken ct) =>
        s.Db.WriteAsync<(Partner, Goal)>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await PartnerQueries.ResolveWithGoalAsync(s, partner, goal, ct, tx);
            if (!found.IsOk)
            {
                return found.Error!;
            }

            var (p, g) = found.Value;
            await s.Db.ExecuteAsync(
                "INSERT INTO shared_goals (partnership_id, goal_id) VALUES (@p, @g) ON CONFLICT (partnership_id, goal_id) DO NOTHING", tx, ct,
                ("p", p.Id), ("g", g.Id));
            if (seesActions is { } actions)
            {
                await s.Db.ExecuteAsync("UPDATE partnerships SET sees_actions = @a WHERE id = @p", tx, ct, ("a", actions), ("p", p.Id));
            }

            var shared = p.SharedGoalIds.Contains(g.Id) ? p.SharedGoalIds : [.. p.SharedGoalIds.Append(g.Id).Order()];
            return (p with { SeesActions = seesActions ?? p.SeesActions, SharedGoalIds = shared }, g);
        }, ct);
}
