using Headway.App.Notifications;
using Headway.Core.Commitments;

namespace Headway.App.Commitments;

/// <summary>
/// Marks live commitments past their date as missed (telling the partners who can see them) and applies requests whose
/// cooling-off has ended (telling the user).
/// </summary>
public static class CommitmentUpkeep
{
    /// <summary>Live commitments past their date (parameters @u, @today).</summary>
    internal const string Overdue = "SELECT COUNT(*) FROM commitments WHERE user_id = @u AND status IN ('open', 'locked') AND due < @today";

    /// <summary>Requests whose cooling-off has ended (parameters @u, @now).</summary>
    internal const string Cooled =
        "SELECT COUNT(*) FROM commitment_requests WHERE user_id = @u AND status = 'pending' AND path = 'coolingoff' AND effective_at <= @now";

    public static async Task RunAsync(PlannerSession s, CancellationToken ct)
    {
        var today = s.Today;
        var now = s.NowUtc;
        var overdue = await s.Db.LongAsync(Overdue, null, ct, ("u", s.UserId), ("today", today));
        var cooled = await s.Db.LongAsync(Cooled, null, ct, ("u", s.UserId), ("now", now));
        if (overdue == 0 && cooled == 0)
        {
            return;
        }

        await s.Db.WriteAsync<bool>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            // Cooling-off first: a request that matured before the date passed applies before the miss is judged.
            var requests = await s.Db.ListAsync(
                $"SELECT {CommitmentQueries.RequestColumns} FROM commitment_requests WHERE user_id = @u AND status = 'pending' AND path = 'coolingoff' AND effective_at <= @now ORDER BY id",
                CommitmentQueries.MapRequest, tx, ct, ("u", s.UserId), ("now", now));
            foreach (var request in requests)
            {
                var found = await CommitmentQueries.FindAsync(s, request.CommitmentId, ct, tx);
                if (found.IsOk && CommitmentRules.SettleCoolingOff(found.Value, request, now) is { } settled)
                {
                    if (settled.Request.Status == ChangeRequestStatus.Applied)
                    {
                        await CommitmentQueries.SaveAsync(s, tx, settled.Commitment, ct);
                        await CommitmentNotices.CoolingOffAppliedAsync(s, tx, settled.Request, settled.Commitment, ct);
                    }

                    await CommitmentQueries.SettleRequestAsync(s, tx, settled.Request, ct);
                }
            }

            var live = await s.Db.ListAsync(
                $"SELECT {CommitmentQueries.Columns} FROM commitments WHERE user_id = @u AND status IN ('open', 'locked') AND due < @today",
                CommitmentQueries.Map, tx, ct, ("u", s.UserId), ("today", today));
            foreach (var c in live)
            {
                if (CommitmentRules.DetectMissed(c, today) is { } missed)
                {
                    await CommitmentQueries.SaveAsync(s, tx, missed with { ResolvedAt = now }, ct);
                    await CommitmentQueries.VoidPendingAsync(s, tx, c.Id, ct);
                    await CommitmentNotices.MissedAsync(s, tx, missed, ct);
                }
            }

            return true;
        }, ct);
    }
}
