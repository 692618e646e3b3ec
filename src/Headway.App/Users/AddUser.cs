using Headway.App.Storage;
using Headway.Core.Weeks;

namespace Headway.App.Users;

/// <summary>
/// Adds a Headway user besides the local owner: a person with data of their own (the web app creates one per invited
/// account). Every query is scoped to a user id, so a new user starts with nothing and sees no one else's data.
/// </summary>
public static class AddUser
{
    public static async Task<UserContext> RunAsync(HeadwayDb db, string name, TimeProvider clock, CancellationToken ct, string timeZone = "UTC", DayOfWeek weekStart = DayOfWeek.Monday)
    {
        var zone = WeekCalendar.TryFindZone(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        var id = await db.WriteAsync<long>(async tx => await db.LongAsync(
            "INSERT INTO users (name, time_zone, week_start, created_at) VALUES (@n, @z, @w, @c) RETURNING id", tx, ct,
            ("n", name.Trim()), ("z", zone.Id), ("w", (int)weekStart), ("c", clock.GetUtcNow().UtcDateTime)), ct);
        return new UserContext(id.Value, name.Trim(), new WeekCalendar(zone, weekStart));
    }
}
