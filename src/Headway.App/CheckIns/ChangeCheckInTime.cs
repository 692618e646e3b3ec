using Headway.App.Storage;
using Headway.Core;

namespace Headway.App.CheckIns;

/// <summary>The user's weekly check-in time: a weekday and an hour in their zone.</summary>
public sealed record CheckInTime(DayOfWeek Day, int Hour, bool IsDefault);

/// <summary>Reads and sets when the weekly check-in goes to the user's partners.</summary>
public static class ChangeCheckInTime
{
    public static async Task<CheckInTime> GetAsync(PlannerSession s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var rows = await s.Db.ListAsync("SELECT check_in_day, check_in_hour FROM users WHERE id = @u",
            r => (Day: r.NullableInt(0), Hour: r.NullableInt(1)), null, ct, ("u", s.UserId));
        var (day, hour) = rows.Count == 0 ? (null, null) : rows[0];
        return new CheckInTime(CheckInSchedule.Day(s.User.Calendar, day), CheckInSchedule.Hour(hour), day is null && hour is null);
    }

    public static async Task<Result<CheckInTime>> RunAsync(PlannerSession s, string? day, string? hour, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!Enum.TryParse<DayOfWeek>(day?.Trim(), ignoreCase: true, out var d) || !Enum.IsDefined(d) || int.TryParse(day, out _))
        {
            return Error.Invalid($"'{day}' is not a weekday: choose a day like sunday or friday.");
        }

        if (!int.TryParse(hour, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) || h is < 0 or > 23)
        {
            return Error.Invalid($"'{hour}' is not an hour: choose a whole hour from 0 to 23.");
        }

        await s.Db.WriteAsync<bool>(async tx =>
        {
            await s.Db.ExecuteAsync("UPDATE users SET check_in_day = @d, check_in_hour = @h WHERE id = @u", tx, ct, ("d", (int)d), ("h", h), ("u", s.UserId));
            return true;
        }, ct);
        return new CheckInTime(d, h, IsDefault: false);
    }
}
