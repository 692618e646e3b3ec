using System.Security.Cryptography;
using System.Text;
using Headway.App.CheckIns;
using Headway.App.Storage;
using Headway.App.Users;
using Headway.Core.Weeks;

namespace Headway.App.Calendar;

/// <summary>A dated item of the calendar feed: a due action or a commitment, all day on its date.</summary>
public sealed record CalendarItem(string Uid, string Summary, string? Description, DateOnly Date, string? Url);

/// <summary>What the calendar feed shows: the user's dated work and their weekly check-in.</summary>
public sealed record CalendarContent(UserContext User, IReadOnlyList<CalendarItem> Items, DateTime CheckInFirstUtc, bool HasPartners);

/// <summary>
/// The per-user calendar feed's secret URL. Only the secret's SHA-256 is stored, so the URL is shown once, when it is
/// made; making a new one replaces the hash, and the old URL finds nobody.
/// </summary>
public static class CalendarFeed
{
    /// <summary>Makes a new secret for the user (replacing any old one) and returns it.</summary>
    public static async Task<string> RegenerateAsync(PlannerSession s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await s.Db.WriteAsync<bool>(async tx =>
        {
            await s.Db.ExecuteAsync("UPDATE users SET calendar_token_hash = @h WHERE id = @u", tx, ct, ("h", Hash(secret)), ("u", s.UserId));
            return true;
        }, ct);
        return secret;
    }

    public static async Task<bool> HasFeedAsync(PlannerSession s, CancellationToken ct) =>
        await s.Db.LongAsync("SELECT COUNT(*) FROM users WHERE id = @u AND calendar_token_hash IS NOT NULL", null, ct, ("u", s.UserId)) > 0;

    /// <summary>Turns the feed off: the current URL stops working.</summary>
    public static Task TurnOffAsync(PlannerSession s, CancellationToken ct) =>
        s.Db.WriteAsync<bool>(async tx =>
        {
            await s.Db.ExecuteAsync("UPDATE users SET calendar_token_hash = NULL WHERE id = @u", tx, ct, ("u", s.UserId));
            return true;
        }, ct);

    /// <summary>The feed's content for a secret, or null when no user has it (a wrong or replaced secret).</summary>
    public static async Task<CalendarContent?> LoadAsync(HeadwayDb db, string secret, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (secret.Length is < 16 or > 128)
        {
            return null;
        }

        var users = await db.ListAsync(
            "SELECT id, name, time_zone, week_start, check_in_day, check_in_hour FROM users WHERE calendar_token_hash = @h",
            r => (Id: r.GetInt64(0), Name: r.GetString(1), Zone: r.GetString(2), WeekStart: r.GetInt32(3), Day: r.NullableInt(4), Hour: r.NullableInt(5)),
            null, ct, ("h", Hash(secret)));
        if (users.Count == 0)
        {
            return null;
        }

        var u = users[0];

        var calendar = new WeekCalendar(WeekCalendar.TryFindZone(u.Zone, out var z) ? z : TimeZoneInfo.Utc,
            Enum.IsDefined((DayOfWeek)u.WeekStart) ? (DayOfWeek)u.WeekStart : DayOfWeek.Monday);
        // Past items stay for a while so a calendar that syncs weekly still sees last month's deadlines.
        var since = calendar.Today(now).AddDays(-90);
        var items = await db.ListAsync(
            """
            SELECT 'action', a.id, a.text, a.due, COALESCE(a.outcome_phrase, ''), a.goal_id FROM actions a
            WHERE a.user_id = @u AND a.status = 'open' AND a.due IS NOT NULL AND a.due >= @since
            UNION ALL
            SELECT 'commitment', c.id, COALESCE(c.event_name, g.title, a.text, 'Commitment'), c.due, COALESCE(c.event_link, ''), c.goal_id
            FROM commitments c LEFT JOIN goals g ON g.id = c.goal_id LEFT JOIN actions a ON a.id = c.action_id
            WHERE c.user_id = @u AND c.status IN ('open', 'locked', 'kept', 'missed') AND c.due >= @since
            """,
            r => r.GetString(0) == "action"
                ? new CalendarItem($"action-{r.GetInt64(1)}@headway", $"Due: {r.GetString(2)}", r.GetString(4) is { Length: > 0 } o ? $"Outcome: {o}" : null, r.Date(3), null)
                : new CalendarItem($"commitment-{r.GetInt64(1)}@headway", $"Commitment: {r.GetString(2)}", null, r.Date(3),
                    Uri.TryCreate(r.GetString(4), UriKind.Absolute, out var link) ? link.AbsoluteUri : null),
            null, ct, ("u", u.Id), ("since", since));
        var hasPartners = await db.LongAsync("SELECT COUNT(*) FROM partnerships WHERE user_id = @u AND removed_at IS NULL", null, ct, ("u", u.Id)) > 0;
        var week = calendar.WeekOf(now);
        return new CalendarContent(new UserContext(u.Id, u.Name, calendar), [.. items.OrderBy(i => i.Date).ThenBy(i => i.Uid, StringComparer.Ordinal)],
            CheckInSchedule.DueUtc(calendar, week, u.Day, u.Hour), hasPartners);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
