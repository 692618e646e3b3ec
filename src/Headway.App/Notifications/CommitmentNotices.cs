using System.Data.Common;
using System.Globalization;
using Headway.App.Users;
using Headway.Core.Commitments;
using Headway.Core.Weeks;

namespace Headway.App.Notifications;

/// <summary>
/// What time does to commitments, told to the people concerned: a missed commitment to every active partner who can
/// see it (its goal, or its action's goal, is shared with them); a change that applied after its cooling-off to the
/// user who asked for it. Called inside the transaction that records the change, so the notice exists exactly when
/// the change does.
/// </summary>
public static class CommitmentNotices
{
    public static async Task MissedAsync(PlannerSession s, DbTransaction tx, Commitment c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        var partners = await s.Db.ListAsync(
            """
            SELECT DISTINCT p.partner_user_id FROM partnerships p JOIN shared_goals sg ON sg.partnership_id = p.id
            WHERE p.user_id = @u AND p.removed_at IS NULL
              AND sg.goal_id = COALESCE(@g, (SELECT goal_id FROM actions WHERE id = @a AND user_id = @u))
            ORDER BY p.partner_user_id
            """, r => r.GetInt64(0), tx, ct, ("u", s.UserId), ("g", c.GoalId), ("a", c.ActionId));
        foreach (var partner in partners)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"missed:commitment:{c.Id}:{c.Due:yyyy-MM-dd}:partner:{partner}");
            await Notify.EnqueueAsync(s.Db, tx, new Notice(partner, "missed", key,
                $"{s.User.Name} missed a commitment: {c.Describe()}",
                $"{s.User.Name}'s commitment \"{c.Describe()}\" passed its date without being kept. A word from you may help them set the next one.",
                $"/people/{s.UserId}", s.UserId), s.NowUtc, ct);
        }
    }

    public static Task CoolingOffAppliedAsync(PlannerSession s, DbTransaction tx, ChangeRequest request, Commitment after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(after);
        return Notify.EnqueueAsync(s.Db, tx, new Notice(s.UserId, "cooling-off",
            string.Create(CultureInfo.InvariantCulture, $"cooling-off:request:{request.Id}"),
            $"Your change to \"{after.Describe()}\" applied",
            $"The 7-day cooling-off of your request ended, so the change applied: {request.Change.Describe()}.", "/"), s.NowUtc, ct);
    }

    /// <summary>
    /// The scheduler's sweep: runs the commitment upkeep for every user who has a live commitment near or past its
    /// date or a cooling-off request that has matured, so misses are told even when the user never opens Headway.
    /// </summary>
    public static async Task<int> SweepAsync(Storage.HeadwayDb db, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.ListAsync(
            """
            SELECT id, name, time_zone, week_start FROM users WHERE id IN (
                SELECT user_id FROM commitments WHERE status IN ('open', 'locked') AND due < @tomorrow
                UNION SELECT user_id FROM commitment_requests WHERE status = 'pending' AND path = 'coolingoff' AND effective_at <= @now)
            ORDER BY id
            """,
            r => (Id: r.GetInt64(0), Name: r.GetString(1), Zone: r.GetString(2), WeekStart: r.GetInt32(3)), null, ct,
            ("tomorrow", DateOnly.FromDateTime(now).AddDays(1)), ("now", now));
        foreach (var u in users)
        {
            var calendar = new WeekCalendar(WeekCalendar.TryFindZone(u.Zone, out var z) ? z : TimeZoneInfo.Utc,
                Enum.IsDefined((DayOfWeek)u.WeekStart) ? (DayOfWeek)u.WeekStart : DayOfWeek.Monday);
            await Commitments.CommitmentUpkeep.RunAsync(new PlannerSession(db, new UserContext(u.Id, u.Name, calendar), clock), ct);
        }

        return users.Count;
    }
}
