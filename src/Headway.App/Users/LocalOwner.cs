using System.Data.Common;
using System.Globalization;
using Headway.App.Storage;
using Headway.Core.Weeks;

namespace Headway.App.Users;

/// <summary>
/// The command line acts as the database's owner: the first user, created on first use with the machine's time zone
/// and Monday-first weeks. The web app's owner account later takes over the same row.
/// </summary>
public static class LocalOwner
{
    public static async Task<UserContext> EnsureAsync(HeadwayDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(db, ct) is { } existing)
        {
            return existing;
        }

        var zone = TimeZoneInfo.Local.HasIanaId || TimeZoneInfo.Local.Id == "UTC" ? TimeZoneInfo.Local.Id : "UTC";
        var name = string.IsNullOrWhiteSpace(Environment.UserName) ? "owner" : Environment.UserName;
        await db.WriteAsync<bool>(async tx =>
        {
            // Another process may have created the owner between our read and this write transaction. SQLite's write
            // lock makes the count below see it; on PostgreSQL an empty table has no row to lock, so take a lock of
            // our own, or two processes starting together would both count zero and create two owners.
            if (db.Provider == Provider.Postgres)
            {
                await db.ExecuteAsync("SELECT pg_advisory_xact_lock(7414024)", tx, ct);
            }

            if (await db.LongAsync("SELECT COUNT(*) FROM users", tx, ct) == 0)
            {
                await db.ExecuteAsync(
                    "INSERT INTO users (name, time_zone, week_start, created_at) VALUES (@n, @z, @w, @c)", tx, ct,
                    ("n", name), ("z", zone), ("w", (int)DayOfWeek.Monday), ("c", clock.GetUtcNow().UtcDateTime));
            }

            return true;
        }, ct);
        return (await LoadAsync(db, ct))!;
    }

    /// <summary>The columns <see cref="Read"/> expects, in its order: a query can read the user beside other things.</summary>
    public const string Columns = "id, name, time_zone, week_start";

    public static async Task<UserContext?> LoadAsync(HeadwayDb db, CancellationToken ct, long? userId = null, DbTransaction? tx = null)
    {
        var rows = await db.ListAsync(
            userId is null
                ? $"SELECT {Columns} FROM users ORDER BY id LIMIT 1"
                : $"SELECT {Columns} FROM users WHERE id = @id",
            r => Read(r, 0), tx, ct, ("id", userId));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>A user from <see cref="Columns"/> read at <paramref name="at"/>.</summary>
    public static UserContext Read(DbDataReader r, int at)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new UserContext(r.GetInt64(at), r.GetString(at + 1), CalendarOf(r.GetString(at + 2), r.GetInt32(at + 3)));
    }

    /// <summary>The calendar of a user row's time_zone and week_start (UTC and Monday where they are not valid).</summary>
    public static WeekCalendar CalendarOf(string zoneId, int weekStart)
    {
        var zone = WeekCalendar.TryFindZone(zoneId, out var z) ? z : TimeZoneInfo.Utc;
        var first = Enum.IsDefined((DayOfWeek)weekStart) ? (DayOfWeek)weekStart : DayOfWeek.Monday;
        return new WeekCalendar(zone, first);
    }

    public static string Describe(UserContext user) =>
        string.Create(CultureInfo.InvariantCulture, $"{user.Name}: {user.Calendar.Zone.Id}, weeks start on {user.Calendar.FirstDay}");
}
