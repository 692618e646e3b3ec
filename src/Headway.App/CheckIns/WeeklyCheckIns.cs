using Headway.App.Storage;
using Headway.App.Users;
using Headway.Core.Weeks;

namespace Headway.App.CheckIns;

/// <summary>
/// The scheduler's check-in job: every user with an active partner whose check-in moment of this week has come
/// (and whose week has not ended) gets this week's check-in queued, once, whichever instance runs it and however
/// often.
/// </summary>
public static class WeeklyCheckIns
{
    public static async Task<int> RunDueAsync(HeadwayDb db, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var users = await db.ListAsync(
            """
            SELECT u.id, u.name, u.time_zone, u.week_start, u.check_in_day, u.check_in_hour FROM users u
            WHERE EXISTS (SELECT 1 FROM partnerships p WHERE p.user_id = u.id AND p.removed_at IS NULL) ORDER BY u.id
            """,
            r => (Id: r.GetInt64(0), Name: r.GetString(1), Zone: r.GetString(2), WeekStart: r.GetInt32(3), Day: r.NullableInt(4), Hour: r.NullableInt(5)),
            null, ct);
        // What was already sent in the last eight days, to skip those users without composing anything.
        var done = (await db.ListAsync("SELECT key FROM notifications WHERE kind = 'checkin' AND created_at >= @since", r => r.GetString(0), null, ct,
                ("since", now.UtcDateTime.AddDays(-8))))
            .Select(k => k[..(k.IndexOf(":partner:", StringComparison.Ordinal) + 1)])
            .ToHashSet(StringComparer.Ordinal);

        var queued = 0;
        foreach (var u in users)
        {
            var zone = WeekCalendar.TryFindZone(u.Zone, out var z) ? z : TimeZoneInfo.Utc;
            var calendar = new WeekCalendar(zone, Enum.IsDefined((DayOfWeek)u.WeekStart) ? (DayOfWeek)u.WeekStart : DayOfWeek.Monday);
            var week = calendar.WeekOf(now);
            var due = CheckInSchedule.DueUtc(calendar, week, u.Day, u.Hour);
            var key = SendCheckIn.WeeklyKey(u.Id, week.Start);
            if (now.UtcDateTime < due || now.UtcDateTime >= week.EndUtc || done.Contains(key))
            {
                continue;
            }

            var session = new PlannerSession(db, new UserContext(u.Id, u.Name, calendar), clock);
            queued += await SendCheckIn.QueueAsync(session, await SendCheckIn.ComposeAsync(session, ct), key, ct);
        }

        return queued;
    }
}
