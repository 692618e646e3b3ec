using Headway.Core;
using Headway.Core.Partners;

namespace Headway.App.Partners;

/// <summary>Takes an invitation back: its link stops working at once.</summary>
public static class RevokeInvitation
{
    public static Task<Result<Invitation>> RunAsync(PlannerSession s, long id, CancellationToken ct) =>
        s.Db.WriteAsync<Invitation>(async tx =>
        {
            var found = await s.Db.SingleAsync($"SELECT {InvitationQueries.Columns} FROM invitations WHERE id = @id AND user_id = @u",
                InvitationQueries.Map, tx, ct, ("id", id), ("u", s.UserId));
            if (found is null)
            {
                return Error.NotFound($"There is no invitation {id}: see `headway partner list` for the ids.");
            }

            var state = found.StateAt(s.NowUtc);
            if (state != InvitationState.Pending)
            {
                return Error.Refused($"Invitation {id} is already {state.ToString().ToLowerInvariant()}: there is nothing to revoke.");
            }

            // The condition makes a revoke that races an acceptance lose cleanly instead of revoking a used link.
            var changed = await s.Db.ExecuteAsync(
                "UPDATE invitations SET revoked_at = @now WHERE id = @id AND user_id = @u AND accepted_at IS NULL AND revoked_at IS NULL", tx, ct,
                ("now", s.NowUtc), ("id", id), ("u", s.UserId));
            return changed == 1
                ? found with { RevokedAt = s.NowUtc }
                : Error.Refused($"Invitation {id} was accepted a moment ago: remove the partner instead if you did not mean it.");
        }, ct);
}
