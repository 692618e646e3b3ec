using Headway.App.Partners;
using Headway.Core;
using Headway.Core.Commitments;

namespace Headway.App.Commitments;

/// <summary>
/// Locks, changes, keeps or withdraws a request on a commitment, through <see cref="CommitmentRules"/>. Loosening a
/// locked commitment becomes a request: approved or denied by a partner who can see it (every such partner is told), or
/// applied after seven days of cooling off when there is none.
/// </summary>
public static class ChangeCommitment
{
    public static Task<Result<Commitment>> LockAsync(PlannerSession s, long id, CancellationToken ct) =>
        s.Db.WriteAsync<Commitment>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await CommitmentQueries.FindAsync(s, id, ct, tx);
            if (!found.IsOk)
            {
                return found;
            }

            var locked = CommitmentRules.Lock(found.Value, s.NowUtc);
            if (locked.IsOk)
            {
                await CommitmentQueries.SaveAsync(s, tx, locked.Value, ct);
            }

            return locked;
        }, ct);

    /// <summary>
    /// Changes a commitment. With <paramref name="allowRequest"/> false, loosening a locked commitment is refused and
    /// nothing changes; with it true, the loosening becomes a pending request.
    /// </summary>
    public static Task<Result<ChangeOutcome>> RequestAsync(PlannerSession s, long id, CommitmentChange change, bool allowRequest, CancellationToken ct) =>
        s.Db.WriteAsync<ChangeOutcome>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await CommitmentQueries.FindAsync(s, id, ct, tx);
            if (!found.IsOk)
            {
                return found.Error!;
            }

            var pending = await CommitmentQueries.PendingRequestAsync(s, id, ct, tx);
            // The partners who can see it now decide; with none, the request cools off for seven days instead.
            var partners = await PartnerQueries.WhoCanSeeAsync(s.Db, s.UserId, found.Value, ct, tx);
            var outcome = CommitmentRules.RequestChange(found.Value, change, s.Today, s.NowUtc, partnerCanApprove: partners.Count > 0, pending);
            if (!outcome.IsOk)
            {
                return outcome;
            }

            if (outcome.Value.Request is { } request)
            {
                if (!allowRequest)
                {
                    return Error.Refused(
                        $"Commitment {id} is locked, so making it easier ({change.Describe()}) needs a partner's approval (or a 7-day cooling-off without one): ask with `headway commit request {id}` and the same option.");
                }

                var stored = await CommitmentQueries.InsertRequestAsync(s, tx, request, ct);
                await PartnerRequests.NotifyPartnersAsync(s, tx, found.Value, stored, partners, ct);
                return outcome.Value with { Request = stored };
            }

            await CommitmentQueries.SaveAsync(s, tx, outcome.Value.Commitment, ct);
            await CommitmentQueries.VoidPendingAsync(s, tx, id, ct);
            return outcome;
        }, ct);

    public static Task<Result<ChangeRequest>> WithdrawAsync(PlannerSession s, long id, CancellationToken ct) =>
        s.Db.WriteAsync<ChangeRequest>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await CommitmentQueries.FindAsync(s, id, ct, tx);
            if (!found.IsOk)
            {
                return found.Error!;
            }

            if (await CommitmentQueries.PendingRequestAsync(s, id, ct, tx) is not { } pending)
            {
                return Error.NotFound($"Commitment {id} has no pending request to withdraw.");
            }

            var withdrawn = CommitmentRules.Withdraw(pending, s.NowUtc);
            if (withdrawn.IsOk)
            {
                await CommitmentQueries.SettleRequestAsync(s, tx, withdrawn.Value, ct);
            }

            return withdrawn;
        }, ct);

    public static Task<Result<Commitment>> KeepAsync(PlannerSession s, long id, CancellationToken ct) =>
        s.Db.WriteAsync<Commitment>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var found = await CommitmentQueries.FindAsync(s, id, ct, tx);
            if (!found.IsOk)
            {
                return found;
            }

            var kept = CommitmentRules.Keep(found.Value, s.Today, s.NowUtc);
            if (kept.IsOk)
            {
                await CommitmentQueries.SaveAsync(s, tx, kept.Value, ct);
                await CommitmentQueries.VoidPendingAsync(s, tx, id, ct);
            }

            return kept;
        }, ct);
}
