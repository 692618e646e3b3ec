using System.Data.Common;
using Headway.App.Commitments;
using Headway.App.Notifications;
using Headway.Core.Commitments;

namespace Headway.App.Partners;

/// <summary>What happens to requests waiting for partners when the partners change.</summary>
internal static class PartnerRequests
{
    /// <summary>
    /// Sends a request for approval to every partner who can see its commitment (in the request's transaction, so
    /// partners are told exactly when the request exists).
    /// </summary>
    public static async Task NotifyPartnersAsync(PlannerSession s, DbTransaction tx, Commitment c, ChangeRequest r, IReadOnlyList<long> partners, CancellationToken ct)
    {
        foreach (var partner in partners)
        {
            await Notify.EnqueueAsync(s.Db, tx, new Notice(
                partner, "change-request", $"request:{r.Id}:partner:{partner}",
                $"{s.User.Name} asks to loosen a locked commitment",
                $"{s.User.Name} asks to {r.Change.Describe()} for the commitment {c.Describe()}. Approve or deny it on their page.",
                $"/people/{s.UserId}", s.UserId), s.NowUtc, ct);
        }
    }

    /// <summary>
    /// A request waiting for partners when none of them can see its commitment any more (the partner was removed or the
    /// goal unshared) would wait forever: it falls back to the cooling-off path, counted from now so that removing a
    /// partner is never a shortcut.
    /// </summary>
    public static async Task RerouteOrphansAsync(PlannerSession s, DbTransaction tx, CancellationToken ct)
    {
        var waiting = await s.Db.ListAsync(
            $"SELECT {CommitmentQueries.RequestColumns} FROM commitment_requests WHERE user_id = @u AND status = 'pending' AND path = 'partner'",
            CommitmentQueries.MapRequest, tx, ct, ("u", s.UserId));
        foreach (var request in waiting)
        {
            var commitment = await CommitmentQueries.FindAsync(s, request.CommitmentId, ct, tx);
            if (commitment.IsOk && (await PartnerQueries.WhoCanSeeAsync(s.Db, s.UserId, commitment.Value, ct, tx)).Count == 0)
            {
                await s.Db.ExecuteAsync(
                    "UPDATE commitment_requests SET path = 'coolingoff', effective_at = @at WHERE id = @id AND user_id = @u AND status = 'pending'", tx, ct,
                    ("at", s.NowUtc + CommitmentRules.CoolingOff), ("id", request.Id), ("u", s.UserId));
            }
        }
    }
}
