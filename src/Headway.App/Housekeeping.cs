using Headway.App.Actions;
using Headway.App.Commitments;
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

    public static async Task RunAsync(PlannerSession s, CancellationToken ct)
    {
        // Nearly always there is nothing to do: one statement asks all three steps' questions at once (every web page
        // opens a session, and each statement SQLite prepares costs about as much as a small query's work).
        var pending = await s.Db.LongAsync(
            $"SELECT ({CountStale}) + ({CommitmentUpkeep.Overdue}) + ({CommitmentUpkeep.Cooled})", null, ct,
            ("u", s.UserId), ("w", s.ThisWeek.Start), ("today", s.Today), ("now", s.NowUtc));
        if (pending == 0)
        {
            return;
        }

        await CarryOverAsync(s, ct);
        await CommitmentUpkeep.RunAsync(s, ct);
    }

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
