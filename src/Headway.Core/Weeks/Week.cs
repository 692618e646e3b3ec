namespace Headway.Core.Weeks;

/// <summary>
/// One planning week in the user's zone: seven local dates from <see cref="Start"/>, and the UTC instants that bound
/// it. Across a DST change the week is 167 or 169 hours long; the dates stay seven.
/// </summary>
public sealed record Week(DateOnly Start, DateTime StartUtc, DateTime EndUtc)
{
    /// <summary>The last local date of the week.</summary>
    public DateOnly End => Start.AddDays(6);

    /// <summary>True when the UTC instant falls inside the week.</summary>
    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    /// <summary>True when the local date falls inside the week.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>The user's calendar: a time zone and the day weeks start on.</summary>
public sealed record WeekCalendar(TimeZoneInfo Zone, DayOfWeek FirstDay)
{
    /// <summary>Monday-first weeks in UTC: the default when nothing is known about the user.</summary>
    public static WeekCalendar Utc { get; } = new(TimeZoneInfo.Utc, DayOfWeek.Monday);

    /// <summary>The local date at a UTC instant.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The week holding a local date.</summary>
    public Week WeekOf(DateOnly date)
    {
        var back = ((int)date.DayOfWeek - (int)FirstDay + 7) % 7;
        var start = date.AddDays(-back);
        return new Week(start, StartOfDayUtc(start), StartOfDayUtc(start.AddDays(7)));
    }

    /// <summary>The week holding a UTC instant.</summary>
    public Week WeekOf(DateTimeOffset now) => WeekOf(Today(now));

    /// <summary>
    /// The UTC instant at which a local date begins. When midnight does not exist (a DST gap at 00:00, as in some
    /// zones), the day begins at the first valid local time after it. When midnight happens twice (clocks fall back
    /// from 01:00 to 00:00, as in Cuba), the day begins at the first one.
    /// </summary>
    public DateTime StartOfDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // ConvertTimeToUtc would read an ambiguous time as standard time, the second midnight: the larger offset is
        // the earlier instant.
        return Zone.IsAmbiguousTime(local)
            ? new DateTimeOffset(local, Zone.GetAmbiguousTimeOffsets(local).Max()).UtcDateTime
            : TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>Finds a zone by IANA (or Windows) id.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
