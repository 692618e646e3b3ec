using Headway.App.Actions;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Users;
using Headway.Core.Actions;
using static Headway.App.Tests.Actions.ActionTestData;

namespace Headway.App.Tests.Weeks;

/// <summary>
/// Unfinished Now and This-week actions carry over into the next week as postponed, at the start of the week in the
/// user's own zone and on their chosen first day.
/// </summary>
public sealed class CarryOverTests
{
    // Saturday 6 March 2027, 22:00 in New York (EST, UTC−5): already Sunday 03:00 in UTC.
    private static readonly DateTimeOffset SaturdayNightInNewYork = new(2027, 3, 7, 3, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestPlanner.Ct;

    private static async Task<PlannerSession> NewYorkSundayFirstAsync(TestPlanner planner)
    {
        var settings = await ChangeSettings.RunAsync(planner.Session, "America/New_York", "sunday", Ct);
        Assert.True(settings.IsOk, settings.Error?.Message);
        return planner.Session with { User = settings.Value };
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Settings_AreStoredForTheNextSession(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, SaturdayNightInNewYork);
        await NewYorkSundayFirstAsync(planner);

        var reloaded = await planner.OpenSessionAsync();

        Assert.Equal("America/New_York", reloaded.User.Calendar.Zone.Id);
        Assert.Equal(DayOfWeek.Sunday, reloaded.User.Calendar.FirstDay);
        Assert.Equal(new DateOnly(2027, 3, 6), reloaded.Today);
        Assert.Equal(new DateOnly(2027, 2, 28), reloaded.ThisWeek.Start);
        // Saturday is still "today" in New York, though the date in UTC is already Sunday.
        var dueToday = await AddAction.RunAsync(reloaded, new NewAction(Meaningful, Due: new DateOnly(2027, 3, 6)), Ct);
        Assert.True(dueToday.IsOk, dueToday.Error?.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UnfinishedWeekWork_CarriesOverAtLocalMidnightOfTheFirstDay(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, SaturdayNightInNewYork);
        var s = await NewYorkSundayFirstAsync(planner);
        var now = await AddAsync(s, "draft 2 pages of chapter 5", Horizon.Now);
        var week = await AddAsync(s, Meaningful, Horizon.Week);
        var later = await AddAsync(s, "write 300 words for the blog post", Horizon.Later);
        var done = await AddAsync(s, "run 5 km at an easy pace", Horizon.Week);
        await CompleteAction.RunAsync(s, done.Id, "5.2 km", Ct);
        Assert.Equal(new DateOnly(2027, 2, 28), week.PlannedWeek);

        // 23:59 on Saturday in New York: still the same week there, though UTC is well into Sunday.
        planner.Clock.Advance(TimeSpan.FromMinutes(119));
        await Housekeeping.RunAsync(s, Ct);
        Assert.Equal(new DateOnly(2027, 2, 28), (await ActionQueries.FindAsync(s, week.Id, Ct)).Value.PlannedWeek);
        Assert.DoesNotContain(ActionEventKind.Postponed, (await ActionQueries.HistoryAsync(s, week.Id, Ct)).Select(e => e.Kind));

        // 00:01 on Sunday in New York: a new week.
        planner.Clock.Advance(TimeSpan.FromMinutes(2));
        await Housekeeping.RunAsync(s, Ct);
        await Housekeeping.RunAsync(await planner.OpenSessionAsync(), Ct);

        var other = await planner.OpenSessionAsync();
        foreach (var carried in new[] { now, week })
        {
            var stored = (await ActionQueries.FindAsync(other, carried.Id, Ct)).Value;
            Assert.Equal(new DateOnly(2027, 3, 7), stored.PlannedWeek);
            Assert.Equal(carried.Horizon, stored.Horizon);
            var postponed = Assert.Single(await ActionQueries.HistoryAsync(other, carried.Id, Ct), e => e.Kind == ActionEventKind.Postponed);
            Assert.Equal(planner.Clock.GetUtcNow().UtcDateTime, postponed.At);
        }

        foreach (var untouched in new[] { later, done })
        {
            Assert.Equal(new DateOnly(2027, 2, 28), (await ActionQueries.FindAsync(other, untouched.Id, Ct)).Value.PlannedWeek);
            Assert.DoesNotContain(ActionEventKind.Postponed, (await ActionQueries.HistoryAsync(other, untouched.Id, Ct)).Select(e => e.Kind));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WorkLeftForTwoWeeks_IsCarriedOverOnceIntoTheCurrentWeek(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, SaturdayNightInNewYork);
        var s = await NewYorkSundayFirstAsync(planner);
        var week = await AddAsync(s, Meaningful, Horizon.Week);

        // Across the start of daylight saving time (14 March 2027) to Monday 15 March.
        planner.Clock.Advance(TimeSpan.FromDays(8));
        await Housekeeping.RunAsync(s, Ct);

        Assert.Equal(new DateOnly(2027, 3, 14), (await ActionQueries.FindAsync(s, week.Id, Ct)).Value.PlannedWeek);
        Assert.Single(await ActionQueries.HistoryAsync(s, week.Id, Ct), e => e.Kind == ActionEventKind.Postponed);
    }
}
