using Headway.Core;
using Headway.Core.Weeks;

namespace Headway.App.Users;

/// <summary>Sets the user's time zone, the first day of their week and (optionally) the name shown for them.</summary>
public static class ChangeSettings
{
    /// <summary>Longest display name (the schema's limit).</summary>
    public const int MaxNameLength = 200;

    public static async Task<Result<UserContext>> RunAsync(PlannerSession s, string? timeZone, string? weekStart, CancellationToken ct, string? name = null)
    {
        if (name is not null && TextRules.Check(name, "name", MaxNameLength) is { } badName)
        {
            return badName;
        }

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

        var newName = name?.Trim() ?? s.User.Name;
        await s.Db.WriteAsync<bool>(async tx =>
        {
            await s.Db.ExecuteAsync("UPDATE users SET name = @n, time_zone = @z, week_start = @w WHERE id = @u", tx, ct,
                ("n", newName), ("z", calendar.Zone.Id), ("w", (int)calendar.FirstDay), ("u", s.User.UserId));
            return true;
        }, ct);
        return s.User with { Name = newName, Calendar = calendar };
    }
}
