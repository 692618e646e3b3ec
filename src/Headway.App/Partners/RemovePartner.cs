using Headway.Core;

namespace Headway.App.Partners;

/// <summary>
/// Ends a partnership: from the partner's next request on they see nothing and decide nothing. Requests that were waiting
/// for them fall back to cooling off, counted from now.
/// </summary>
public static class RemovePartner
{
    public static Task<Result<Partner>> RunAsync(PlannerSession s, string partner, CancellationToken ct) =>
        s.Db.WriteAsync<Partner>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await PartnerQueries.ResolveAsync(s, partner, ct, tx);
            if (!found.IsOk)
            {
                return found;
            }

            await s.Db.ExecuteAsync("UPDATE partnerships SET removed_at = @now WHERE id = @p AND user_id = @u", tx, ct,
                ("now", s.NowUtc), ("p", found.Value.Id), ("u", s.UserId));
            await s.Db.ExecuteAsync("DELETE FROM shared_goals WHERE partnership_id = @p", tx, ct, ("p", found.Value.Id));
            await PartnerRequests.RerouteOrphansAsync(s, tx, ct);
            return found;
        }, ct);
}
