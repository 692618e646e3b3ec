using Headway.Core;
using Headway.Core.Goals;

namespace Headway.App.Partners;

/// <summary>Stops sharing one goal with a partner: from their next request on, they see nothing of it.</summary>
public static class UnshareGoal
{
    public static Task<Result<(Partner Partner, Goal Goal)>> RunAsync(PlannerSession s, string partner, string goal, CancellationToken ct) =>
        s.Db.WriteAsync<(Partner, Goal)>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await PartnerQueries.ResolveWithGoalAsync(s, partner, goal, ct, tx);
            if (!found.IsOk)
            {
                return found.Error!;
            }

            var (p, g) = found.Value;
            if (await s.Db.ExecuteAsync("DELETE FROM shared_goals WHERE partnership_id = @p AND goal_id = @g", tx, ct, ("p", p.Id), ("g", g.Id)) == 0)
            {
                return Error.Refused($"Goal {g.Id} ({g.Title}) is not shared with {p.Name}: nothing to unshare.");
            }

            await PartnerRequests.RerouteOrphansAsync(s, tx, ct);
            return (p with { SharedGoalIds = [.. p.SharedGoalIds.Where(id => id != g.Id)] }, g);
        }, ct);
}
