using Headway.Core.Weeks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Headway.Core.Tests.Weeks;

public sealed class WeekCalendarTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    // 2027-03-03 is a Wednesday.
    [Theory]
    [InlineData(DayOfWeek.Monday, "2027-03-03", "2027-03-01")]
    [InlineData(DayOfWeek.Monday, "2027-03-01", "2027-03-01")]
    [InlineData(DayOfWeek.Monday, "2027-03-07", "2027-03-01")]
    [InlineData(DayOfWeek.Sunday, "2027-03-03", "2027-02-28")]
    [InlineData(DayOfWeek.Sunday, "2027-03-07", "2027-03-07")]
    [InlineData(DayOfWeek.Sunday, "2027-03-06", "2027-02-28")]
    [InlineData(DayOfWeek.Saturday, "2027-03-03", "2027-02-27")]
    [InlineData(DayOfWeek.Saturday, "2027-03-06", "2027-03-06")]
    [InlineData(DayOfWeek.Saturday, "2027-03-05", "2027-02-27")]
    public void WeekOf_ChosenFirstDay_StartsOnThatDayAndHoldsSevenDates(DayOfWeek firstDay, string date, string start)
    {
        var week = new WeekCalendar(TimeZoneInfo.Utc, firstDay).WeekOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), week.Start);
        Assert.Equal(firstDay, week.Start.DayOfWeek);
        Assert.Equal(week.Start.AddDays(6), week.End);
        Assert.True(week.Contains(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(week.Contains(week.Start.AddDays(-1)));
        Assert.False(week.Contains(week.End.AddDays(1)));
    }

    [Theory]
    // New York springs forward on 2027-03-14 and falls back on 2027-11-07.
    [InlineData("America/New_York", 2027, 3, 10, 167)]
    [InlineData("America/New_York", 2027, 11, 3, 169)]
    [InlineData("America/New_York", 2027, 6, 9, 168)]
    // Berlin springs forward on 2027-03-28 and falls back on 2027-10-31.
    [InlineData("Europe/Berlin", 2027, 3, 24, 167)]
    [InlineData("Europe/Berlin", 2027, 10, 27, 169)]
    [InlineData("Europe/Berlin", 2027, 1, 13, 168)]
    public void WeekOf_AcrossDst_LastsOneHourMoreOrLessButKeepsSevenDates(string zone, int y, int m, int d, int hours)
    {
        var calendar = new WeekCalendar(Zone(zone), DayOfWeek.Monday);

        var week = calendar.WeekOf(new DateOnly(y, m, d));

        Assert.Equal(hours, (week.EndUtc - week.StartUtc).TotalHours);
        Assert.Equal(7, week.End.DayNumber - week.Start.DayNumber + 1);
        Assert.Equal(week.EndUtc, calendar.WeekOf(week.End.AddDays(1)).StartUtc);
    }

    [Fact]
    public void WeekOf_NewYorkWinterWeek_StartsAtLocalMidnight()
    {
        var week = new WeekCalendar(Zone("America/New_York"), DayOfWeek.Monday).WeekOf(new DateOnly(2027, 3, 3));

        Assert.Equal(Utc(2027, 3, 1, 5), week.StartUtc);
        Assert.Equal(Utc(2027, 3, 8, 5), week.EndUtc);
        Assert.False(week.Contains(Utc(2027, 3, 1, 4, 59)));
        Assert.True(week.Contains(Utc(2027, 3, 1, 5)));
        Assert.True(week.Contains(Utc(2027, 3, 8, 4, 59)));
        Assert.False(week.Contains(Utc(2027, 3, 8, 5)));
    }

    [Fact]
    public void WeekOf_SantiagoMidnightMissing_WeekStartsAtOneInTheMorning()
    {
        // Chile skipped from 2022-09-11 00:00 to 01:00: that Sunday began at 01:00 -03, 04:00 UTC.
        var calendar = new WeekCalendar(Zone("America/Santiago"), DayOfWeek.Sunday);

        var week = calendar.WeekOf(new DateOnly(2022, 9, 13));

        Assert.Equal(new DateOnly(2022, 9, 11), week.Start);
        Assert.Equal(Utc(2022, 9, 11, 4), week.StartUtc);
        Assert.Equal(167, (week.EndUtc - week.StartUtc).TotalHours);
        Assert.Equal(new DateOnly(2022, 9, 10), calendar.Today(new DateTimeOffset(Utc(2022, 9, 11, 3, 59))));
        Assert.Equal(new DateOnly(2022, 9, 11), calendar.Today(new DateTimeOffset(Utc(2022, 9, 11, 4))));
    }

    [Fact]
    public void WeekOf_BeirutMidnightMissing_WeekStartsAtOneInTheMorning()
    {
        // Lebanon springs forward at midnight: 2026-03-29 began at 01:00 +03, 22:00 UTC the day before.
        var week = new WeekCalendar(Zone("Asia/Beirut"), DayOfWeek.Sunday).WeekOf(new DateOnly(2026, 3, 29));

        Assert.Equal(Utc(2026, 3, 28, 22), week.StartUtc);
        Assert.Equal(7, week.End.DayNumber - week.Start.DayNumber + 1);
    }

    [Fact]
    public void WeekOf_HavanaMidnightTwice_WeekStartsAtTheFirstMidnight()
    {
        // Cuba falls back from 01:00 to 00:00: on 2026-11-01 midnight came at 04:00 UTC and again at 05:00 UTC.
        var calendar = new WeekCalendar(Zone("America/Havana"), DayOfWeek.Sunday);

        var week = calendar.WeekOf(new DateOnly(2026, 11, 1));

        Assert.Equal(Utc(2026, 11, 1, 4), week.StartUtc);
        Assert.Equal(169, (week.EndUtc - week.StartUtc).TotalHours);
        var halfPastFirstMidnight = Utc(2026, 11, 1, 4, 30);
        Assert.True(week.Contains(halfPastFirstMidnight));
        Assert.Equal(week, calendar.WeekOf(new DateTimeOffset(halfPastFirstMidnight)));
    }

    [Theory]
    [InlineData("America/New_York", 4, 59, "2027-02-28")]
    [InlineData("America/New_York", 5, 0, "2027-03-01")]
    [InlineData("Europe/Berlin", 4, 59, "2027-03-01")]
    [InlineData("Asia/Tokyo", 4, 59, "2027-03-01")]
    [InlineData("Pacific/Kiritimati", 4, 59, "2027-03-01")]
    [InlineData("Pacific/Pago_Pago", 4, 59, "2027-02-28")]
    public void Today_NearMidnight_IsTheLocalDate(string zone, int hour, int minute, string expected)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, hour, minute, 0, TimeSpan.Zero));

        var today = new WeekCalendar(Zone(zone), DayOfWeek.Monday).Today(clock.GetUtcNow());

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), today);
    }

    [Fact]
    public void Today_ClockAdvancesPastLocalMidnight_NextDayAndNextWeek()
    {
        var berlin = new WeekCalendar(Zone("Europe/Berlin"), DayOfWeek.Monday);
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 7, 22, 59, 0, TimeSpan.Zero));   // Sunday 23:59 in Berlin

        var before = berlin.WeekOf(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = berlin.WeekOf(clock.GetUtcNow());

        Assert.Equal(new DateOnly(2027, 3, 1), before.Start);
        Assert.Equal(new DateOnly(2027, 3, 8), after.Start);
        Assert.Equal(new DateOnly(2027, 3, 8), berlin.Today(clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData(" America/New_York ", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryFindZone_KnownAndUnknownIds(string? id, bool found)
    {
        Assert.Equal(found, WeekCalendar.TryFindZone(id, out var zone));
        if (!found)
        {
            Assert.Equal(TimeZoneInfo.Utc, zone);
        }
    }
}
