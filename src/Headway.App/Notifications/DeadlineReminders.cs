using System.Globalization;
using Headway.App.Storage;
using Headway.Core.Weeks;

namespace Headway.App.Notifications;

/// <summary>
/// The scheduler's reminder job: commitments and due open actions get a reminder to their owner 48 hours before their
/// date (from 08:00 two days before, in the user's zone) and on the day (from 08:00). Keys name the item and its
/// date, so a reminder is made once, and a date moved later gets reminders of its own.
/// </summary>
public static class DeadlineReminders
{
    public const int Hour = 8;
    private const int Batch = 200;

    private sealed record Candidate(string Kind, long Id, long UserId, DateOnly Due, string What, string Zone);

    public static async Task<int> RunDueAsync(HeadwayDb db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Every zone's today lies within a day of UTC's; the window holds both reminders of every item near its date.
        var utcToday = DateOnly.FromDateTime(nowUtc);
        var args = new (string, object?)[] { ("from", utcToday.AddDays(-1)), ("to", utcToday.AddDays(3)) };
        var candidates = await db.ListAsync(
            """
            SELECT 'commitment', c.id, c.user_id, c.due, COALESCE(c.event_name, g.title, a.text, 'your commitment'), u.time_zone
            FROM commitments c JOIN users u ON u.id = c.user_id
            LEFT JOIN goals g ON g.id = c.goal_id LEFT JOIN actions a ON a.id = c.action_id
            WHERE c.status IN ('open', 'locked') AND c.due >= @from AND c.due <= @to
            UNION ALL
            SELECT 'action', a.id, a.user_id, a.due, a.text, u.time_zone
            FROM actions a JOIN users u ON u.id = a.user_id
            WHERE a.status = 'open' AND a.due IS NOT NULL AND a.due >= @from AND a.due <= @to
            """,
            r => new Candidate(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.Date(3), r.GetString(4), r.GetString(5)), null, ct, args);
        var done = (await db.ListAsync("SELECT key FROM notifications WHERE kind = 'reminder' AND created_at >= @since", r => r.GetString(0), null, ct,
            ("since", nowUtc.AddDays(-5)))).ToHashSet(StringComparer.Ordinal);

        var notices = new List<Notice>();
        foreach (var c in candidates)
        {
            var calendar = new WeekCalendar(WeekCalendar.TryFindZone(c.Zone, out var z) ? z : TimeZoneInfo.Utc, DayOfWeek.Monday);
            var today = calendar.Today(new DateTimeOffset(nowUtc, TimeSpan.Zero));
            var onTheDay = today == c.Due && nowUtc >= At(calendar, c.Due);
            var before = today < c.Due && nowUtc >= At(calendar, c.Due.AddDays(-2));
            if (!onTheDay && !before)
            {
                continue;
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"reminder-{(onTheDay ? "day" : "48h")}:{c.Kind}:{c.Id}:{c.Due:yyyy-MM-dd}");
            if (done.Contains(key))
            {
                continue;
            }

            var when = onTheDay ? "today" : c.Due == today.AddDays(1) ? "tomorrow" : "in 2 days";
            var date = c.Due.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
            var (subject, body, link) = c.Kind == "commitment"
                ? ($"Commitment due {when}: {c.What}", $"Your commitment \"{c.What}\" is due {when}, {date}. Keep it, or tell your partner now.", "/")
                : ($"Due {when}: {c.What}", $"\"{c.What}\" is due {when}, {date}.", "/");
            notices.Add(new Notice(c.UserId, "reminder", key, Shorten(subject), body, link));
        }

        var created = 0;
        foreach (var chunk in notices.Chunk(Batch))
        {
            var result = await db.WriteAsync<int>(async tx =>
            {
                var n = 0;
                foreach (var notice in chunk)
                {
                    n += await Notify.EnqueueAsync(db, tx, notice, nowUtc, ct) is null ? 0 : 1;
                }

                return n;
            }, ct);
            created += result.Value;
        }

        return created;
    }

    private static DateTime At(WeekCalendar calendar, DateOnly date) => calendar.StartOfDayUtc(date).AddHours(Hour);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..199] + "…";
}
