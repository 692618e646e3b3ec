using Headway.Core.Weeks;

namespace Headway.App.CheckIns;

/// <summary>When a user's weekly check-in goes out: their chosen day and hour in their zone, by default the last day of their week at 18:00.</summary>
public static class CheckInSchedule
{
    public const int DefaultHour = 18;

    public static DayOfWeek Day(WeekCalendar calendar, int? checkInDay)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return checkInDay is { } d && Enum.IsDefined((DayOfWeek)d) ? (DayOfWeek)d : (DayOfWeek)(((int)calendar.FirstDay + 6) % 7);
    }

    public static int Hour(int? checkInHour) => checkInHour is >= 0 and <= 23 ? checkInHour.Value : DefaultHour;

    /// <summary>The UTC instant of the check-in in the given week (a local time that does not exist, in a DST gap, moves later).</summary>
    public static DateTime DueUtc(WeekCalendar calendar, Week week, int? checkInDay, int? checkInHour)
    {
        ArgumentNullException.ThrowIfNull(week);
        var day = Day(calendar, checkInDay);
        var date = week.Start.AddDays(((int)day - (int)week.Start.DayOfWeek + 7) % 7);
        var local = date.ToDateTime(new TimeOnly(Hour(checkInHour), 0), DateTimeKind.Unspecified);
        while (calendar.Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, calendar.Zone);
    }
}
