using Headway.App.Notifications;
using Headway.Core;
using Headway.Core.Partners;

namespace Headway.App.Partners;

/// <summary>The partnership an accepted invitation made.</summary>
public sealed record Acceptance(long PartnershipId, long UserId, string Name);

/// <summary>
/// Accepts an invitation as the signed-in person, who becomes the sender's partner. The link
/// works once: of two acceptances at once, exactly one succeeds. The partner starts seeing nothing until the sender
/// chooses which goals to share.
/// </summary>
public static class AcceptInvitation
{
    public static Task<Result<Acceptance>> RunAsync(PlannerSession s, string? token, CancellationToken ct) =>
        s.Db.WriteAsync<Acceptance>(async tx =>
        {
            if (await InvitationQueries.FindByTokenAsync(s.Db, token, ct, tx) is not { } found)
            {
                return Error.NotFound("This invitation link is not valid: check that you copied all of it, or ask for a new one.");
            }

            var (invitation, from) = found;
            var now = s.NowUtc;
            if (Invitation.WhyNotUsable(invitation.StateAt(now)) is { } why)
            {
                return Error.Refused(why);
            }

            if (invitation.UserId == s.UserId)
            {
                return Error.Refused("This is your own invitation: send the link to the person you want as a partner.");
            }

            await s.Db.LockUserAsync(invitation.UserId, tx, ct);
            var existing = await s.Db.ListAsync(
                "SELECT id, removed_at FROM partnerships WHERE user_id = @u AND partner_user_id = @p", r => (Id: r.GetInt64(0), Removed: !r.IsDBNull(1)), tx, ct,
                ("u", invitation.UserId), ("p", s.UserId));
            if (existing is [{ Removed: false }])
            {
                return Error.Refused($"You are already {from}'s partner: this link is not needed.");
            }

            // Single use even under a race: only one acceptance can change a row that is still unused.
            var claimed = await s.Db.ExecuteAsync(
                """
                UPDATE invitations SET accepted_at = @now, accepted_by_user_id = @p
                WHERE id = @id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now
                """, tx, ct, ("now", now), ("p", s.UserId), ("id", invitation.Id));
            if (claimed != 1)
            {
                return Error.Refused(Invitation.WhyNotUsable(InvitationState.Accepted)!);
            }

            long partnershipId;
            if (existing is [var old])
            {
                // A partner removed earlier and invited again starts over: no goals shared, outcomes only.
                partnershipId = old.Id;
                await s.Db.ExecuteAsync("DELETE FROM shared_goals WHERE partnership_id = @id", tx, ct, ("id", partnershipId));
                await s.Db.ExecuteAsync("UPDATE partnerships SET removed_at = NULL, sees_actions = @f, created_at = @now WHERE id = @id", tx, ct,
                    ("f", false), ("now", now), ("id", partnershipId));
            }
            else
            {
                partnershipId = await s.Db.LongAsync(
                    "INSERT INTO partnerships (user_id, partner_user_id, sees_actions, created_at) VALUES (@u, @p, @f, @now) RETURNING id", tx, ct,
                    ("u", invitation.UserId), ("p", s.UserId), ("f", false), ("now", now));
            }

            await Notify.EnqueueAsync(s.Db, tx, new Notice(
                invitation.UserId, "partner-joined", $"invitation:{invitation.Id}:accepted",
                $"{s.User.Name} is now your accountability partner",
                $"{s.User.Name} accepted your invitation. Choose which goals they see, and whether they see your actions or only your outcomes.",
                "/partners", s.UserId), now, ct);
            return new Acceptance(partnershipId, invitation.UserId, from);
        }, ct);
}
