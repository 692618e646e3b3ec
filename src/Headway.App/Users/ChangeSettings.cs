using Headway.Core;
using Headway.Core.Weeks;

namespace Headway.App.Users;

/// <summary>Sets the user's time zone and the first day of their week.</summary>
public static class ChangeSettings
{
    public static async Task<Result<UserContext>> RunAsync(PlannerSession s, string? timeZone, string? weekStart, CancellationToken ct)
    {
        var calendar = s.User.Calendar;
        if (timeZone is not null)
        {
            if (!WeekCalendar.TryFindZone(timeZone, out var zone))
            {
                return Error.Invalid($"'{timeZone}' is not a known time zone: use an IANA name like Europe/Berlin or America/New_York.");
            }

            calendar = calendar with { Zone = zone };
        }

        if (weekStart is not null)
        {
            if (!Enum.TryParse<DayOfWeek>(weekStart.Trim(), ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(weekStart, out _))
            {
                return Error.Invalid($"'{weekStart}' is not a weekday: use monday, sunday, saturday or another day's name.");
            }

            calendar = calendar with { FirstDay = day };
        }

        await s.Db.WriteAsync<bool>(async tx =>
        {
            await s.Db.ExecuteAsync("UPDATE users SET time_zone = @z, week_start = @w WHERE id = @u", tx, ct,
                ("z", calendar.Zone.Id), ("w", (int)calendar.FirstDay), ("u", s.User.UserId));
            return true;
        }, ct);
        return s.User with { Calendar = calendar };
    }
}
