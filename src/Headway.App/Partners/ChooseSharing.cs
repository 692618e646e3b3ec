using Headway.Core;

namespace Headway.App.Partners;

/// <summary>
/// Sets what one partner sees: exactly the given goals, and individual actions or only outcomes. Goals left out stop
/// being visible at the partner's next request; a request waiting for approval that no partner can see any more falls
/// back to cooling off.
/// </summary>
public static class ChooseSharing
{
    public static Task<Result<Partner>> RunAsync(PlannerSession s, long partnerId, IReadOnlyCollection<long> goalIds, bool seesActions, CancellationToken ct) =>
        s.Db.WriteAsync<Partner>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var partner = await PartnerQueries.ResolveAsync(s, partnerId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct, tx);
            if (!partner.IsOk)
            {
                return partner;
            }

            foreach (var goalId in goalIds.Distinct())
            {
                if (await s.Db.LongAsync("SELECT COUNT(*) FROM goals WHERE id = @g AND user_id = @u", tx, ct, ("g", goalId), ("u", s.UserId)) == 0)
                {
                    return Error.NotFound($"There is no goal {goalId}: see `headway goal list` for the ids.");
                }
            }

            await s.Db.ExecuteAsync("DELETE FROM shared_goals WHERE partnership_id = @p", tx, ct, ("p", partnerId));
            foreach (var goalId in goalIds.Distinct())
            {
                await s.Db.ExecuteAsync("INSERT INTO shared_goals (partnership_id, goal_id) VALUES (@p, @g)", tx, ct, ("p", partnerId), ("g", goalId));
            }

            await s.Db.ExecuteAsync("UPDATE partnerships SET sees_actions = @a WHERE id = @p AND user_id = @u", tx, ct,
                ("a", seesActions), ("p", partnerId), ("u", s.UserId));
            await PartnerRequests.RerouteOrphansAsync(s, tx, ct);
            return partner.Value with { SeesActions = seesActions, SharedGoalIds = [.. goalIds.Distinct().Order()] };
        }, ct);
}
