using System.Data.Common;
using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Storage;
using Headway.Core.Actions;

namespace Headway.App;

/// <summary>
/// What time does on its own, applied lazily when a user's session opens: unfinished Now and This-week actions from
/// an earlier week carry over as postponed, live commitments past their date become missed, and cooled-off requests
/// apply. Each step first checks cheaply whether there is anything to do, so a read-only command stays read-only.
/// </summary>
public static class Housekeeping
{
    private const string Stale = "user_id = @u AND status = 'open' AND horizon IN ('now', 'week') AND planned_week < @w";
    private const string CountStale = $"SELECT COUNT(*) FROM actions WHERE {Stale}";

    /// <summary>Applies what is due, asking the database whether anything is.</summary>
    public static Task RunAsync(PlannerSession s, CancellationToken ct) => RunAsync(s, null, ct);

    /// <summary>
    /// Applies what is due. <paramref name="due"/> is what the request's first query already read of this user's pending
    /// work (the web server's session and token checks read <see cref="HousekeepingDue.Columns"/>), or null to ask here.
    /// </summary>
    public static async Task RunAsync(PlannerSession s, HousekeepingDue? due, CancellationToken ct)
    {
        // Nearly always there is nothing to do. The web server knows it from the columns its session and token checks
        // read with the user; otherwise one statement asks all three steps' questions at once (each statement costs
        // about as much as a small query's work: SQLite prepares it, PostgreSQL wakes for it).
        if (!(due?.IsDue(s) ?? await IsDueAsync(s, ct)))
        {
            return;
        }

        await CarryOverAsync(s, ct);
        await CommitmentUpkeep.RunAsync(s, ct);
    }

    /// <summary>Whether any step has work now, asked in one statement.</summary>
    internal static async Task<bool> IsDueAsync(PlannerSession s, CancellationToken ct) =>
        await s.Db.LongAsync(
            $"SELECT ({CountStale}) + ({CommitmentUpkeep.Overdue}) + ({CommitmentUpkeep.Cooled})", null, ct,
            ("u", s.UserId), ("w", s.ThisWeek.Start), ("today", s.Today), ("now", s.NowUtc)) > 0;

    private static async Task CarryOverAsync(PlannerSession s, CancellationToken ct)
    {
        var week = s.ThisWeek.Start;
        if (await s.Db.LongAsync(CountStale, null, ct, ("u", s.UserId), ("w", week)) == 0)
        {
            return;
        }

        await s.Db.WriteAsync<bool>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var ids = await s.Db.ListAsync($"SELECT id FROM actions WHERE {Stale}", r => r.GetInt64(0), tx, ct, ("u", s.UserId), ("w", week));
            foreach (var id in ids)
            {
                await ActionQueries.RecordAsync(s, tx, id, ActionEventKind.Postponed, "carried over unfinished into a new week", ct);
            }

            await s.Db.ExecuteAsync($"UPDATE actions SET planned_week = @w, version = version + 1 WHERE {Stale}", tx, ct, ("u", s.UserId), ("w", week));
            return true;
        }, ct);
    }
}

/// <summary>
/// When a user's housekeeping next has something to do, read as columns of a query over <c>users u</c>: the earliest
/// week an open Now or This-week action was planned for (an earlier week than this one carries it over), the earliest
/// date of a live commitment (before today, it is missed) and when the earliest pending cooling-off ends. The session
/// and token checks read them with the user, so a request learns that there is nothing to do without a statement of
/// its own; the caches of pages and API reads use the last one to stop serving what housekeeping will change.
/// </summary>
public sealed record HousekeepingDue(DateOnly? EarliestPlannedWeek, DateOnly? EarliestCommitmentDue, DateTime? NextCoolingOff)
{
    /// <summary>The three columns, in the order <see cref="Read"/> takes them.</summary>
    public const string Columns =
        "(SELECT MIN(a.planned_week) FROM actions a WHERE a.user_id = u.id AND a.status = 'open' AND a.horizon IN ('now', 'week')), "
        + "(SELECT MIN(c.due) FROM commitments c WHERE c.user_id = u.id AND c.status IN ('open', 'locked')), "
        + "(SELECT MIN(r.effective_at) FROM commitment_requests r WHERE r.user_id = u.id AND r.status = 'pending' AND r.path = 'coolingoff')";

    public static HousekeepingDue Read(DbDataReader r, int at)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new HousekeepingDue(r.NullableDate(at), r.NullableDate(at + 1), r.NullableUtc(at + 2));
    }

    /// <summary>True when one of housekeeping's steps has work now: the same questions its own statement asks.</summary>
    public bool IsDue(PlannerSession s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return EarliestPlannedWeek < s.ThisWeek.Start || EarliestCommitmentDue < s.Today || NextCoolingOff <= s.NowUtc;
    }
}
