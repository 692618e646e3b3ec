using Headway.App.Actions;
using Headway.App.Calendar;
using Headway.App.CheckIns;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Notifications;
using Headway.App.Storage;
using Headway.App.Tests.Actions;
using Headway.App.Tests.Storage;
using Headway.Core.Actions;

namespace Headway.App.Tests.Notifications;

/// <summary>What the scheduler makes: check-ins to partners, reminders, missed commitments told; each once, however often it runs.</summary>
public sealed class ScheduledJobTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    private static Task<List<(long User, string Kind, string Subject, string Body)>> NoticesAsync(TestPlanner planner) =>
        planner.Session.Db.ListAsync("SELECT user_id, kind, subject, body FROM notifications ORDER BY id",
            r => (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)), null, Ct);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WeeklyCheckIn_GoesToEachActivePartnerAtTheirTime_CoveringOnlySharedGoals_Once(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var novel = (await AddGoal.RunAsync(s, new NewGoal("Finish my novel"), Ct)).Value;
        var job = (await AddGoal.RunAsync(s, new NewGoal("Find a new job"), Ct)).Value;
        var words = await ActionTestData.AddAsync(s, "write 1,000 words for chapter 4", goal: NotificationTestData.Id(novel.Id));
        Assert.True((await CompleteAction.RunAsync(s, words.Id, "1,150 words", Ct)).IsOk);
        var secret = await ActionTestData.AddAsync(s, "email the recruiter at Initech about the secret role", goal: NotificationTestData.Id(job.Id));
        Assert.True((await CompleteAction.RunAsync(s, secret.Id, "sent", Ct)).IsOk);
        var putOff = await ActionTestData.AddAsync(s, "submit chapter 3 to the writing group", goal: NotificationTestData.Id(novel.Id));
        Assert.True((await MoveAction.RunAsync(s, putOff.Id, Horizon.Later, Ct)).IsOk);
        Assert.True((await CreateCommitment.RunAsync(s, new NewCommitment(NotificationTestData.Id(novel.Id), null, new DateOnly(2027, 3, 12), "Writing group reading"), Ct)).IsOk);

        var bo = await planner.AddUserAsync("Bo");
        var cy = await planner.AddUserAsync("Cy");
        var gone = await planner.AddUserAsync("Di");
        await NotificationTestData.PartnerAsync(s.Db, s.UserId, bo, s.NowUtc, seesActions: true, novel.Id);
        await NotificationTestData.PartnerAsync(s.Db, s.UserId, cy, s.NowUtc, seesActions: false, novel.Id);
        var removed = await NotificationTestData.PartnerAsync(s.Db, s.UserId, gone, s.NowUtc, seesActions: true, novel.Id, job.Id);
        await s.Db.ExecuteAsync("UPDATE partnerships SET removed_at = @now WHERE id = @id", null, Ct, ("now", s.NowUtc), ("id", removed));

        // Wednesday: not yet (the default is the week's last day, Sunday, at 18:00).
        Assert.Equal(0, await WeeklyCheckIns.RunDueAsync(await planner.OpenAsync(), planner.Clock, Ct));
        planner.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 7, 17, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await WeeklyCheckIns.RunDueAsync(await planner.OpenAsync(), planner.Clock, Ct));
        planner.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 7, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await WeeklyCheckIns.RunDueAsync(await planner.OpenAsync(), planner.Clock, Ct));
        planner.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await WeeklyCheckIns.RunDueAsync(await planner.OpenAsync(), planner.Clock, Ct));

        var notices = await NoticesAsync(planner);
        Assert.Equal([bo, cy], notices.Select(n => n.User));
        var toBo = notices[0].Body;
        Assert.Contains("Finish my novel: 1 outcome", toBo, StringComparison.Ordinal);
        Assert.Contains("write 1,000 words for chapter 4 → 1,150 words", toBo, StringComparison.Ordinal);
        Assert.Contains("put off: submit chapter 3 to the writing group", toBo, StringComparison.Ordinal);
        Assert.Contains("Writing group reading, 2027-03-12", toBo, StringComparison.Ordinal);
        Assert.Contains("Progress ratio: 100% (1 outcome from 1 completed action)", toBo, StringComparison.Ordinal);
        Assert.DoesNotContain("job", toBo, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Initech", toBo, StringComparison.Ordinal);
        // Cy sees outcomes, not the actions behind them.
        Assert.Contains("Finish my novel: 1 outcome", notices[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("chapter", notices[1].Body, StringComparison.Ordinal);
        Assert.Equal("checkin", notices[0].Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CheckInTime_FollowsTheUsersDayHourAndZone(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        s = s with { User = (await Headway.App.Users.ChangeSettings.RunAsync(s, "America/New_York", "sunday", Ct)).Value };
        Assert.True((await ChangeCheckInTime.RunAsync(s, "friday", "9", Ct)).IsOk);
        Assert.False((await ChangeCheckInTime.RunAsync(s, "someday", "9", Ct)).IsOk);
        Assert.False((await ChangeCheckInTime.RunAsync(s, "friday", "24", Ct)).IsOk);
        await NotificationTestData.PartnerAsync(s.Db, s.UserId, await planner.AddUserAsync("Bo"), s.NowUtc, seesActions: true);

        // Friday 5 March 09:00 in New York is 14:00 UTC.
        planner.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 5, 13, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await WeeklyCheckIns.RunDueAsync(s.Db, planner.Clock, Ct));
        planner.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 5, 14, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await WeeklyCheckIns.RunDueAsync(s.Db, planner.Clock, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SendNow_WithoutPartners_IsRefused_AndWithOneQueuesOnceAMinute(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        Assert.Equal(Core.ErrorKind.Refused, (await SendCheckIn.NowAsync(s, Ct)).Error?.Kind);
        await NotificationTestData.PartnerAsync(s.Db, s.UserId, await planner.AddUserAsync("Bo"), s.NowUtc, seesActions: true);
        Assert.Equal("Bo", Assert.Single((await SendCheckIn.NowAsync(s, Ct)).Value).PartnerName);
        Assert.True((await SendCheckIn.NowAsync(s, Ct)).IsOk);
        Assert.Equal(1, await planner.CountAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'checkin'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reminders_48HoursBeforeAndOnTheDay_ForCommitmentsAndDueActions_Once(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider, new DateTimeOffset(2027, 3, 3, 7, 0, 0, TimeSpan.Zero));
        var s = planner.Session;
        var goal = (await AddGoal.RunAsync(s, new NewGoal("Run a 5K"), Ct)).Value;
        Assert.True((await CreateCommitment.RunAsync(s, new NewCommitment(NotificationTestData.Id(goal.Id), null, new DateOnly(2027, 3, 5), "Hometown 5K"), Ct)).IsOk);
        await ActionTestData.AddAsync(s, "send the pitch to the editor", due: new DateOnly(2027, 3, 3));
        await ActionTestData.AddAsync(s, "book the venue for the reading", due: new DateOnly(2027, 3, 20));

        // 07:00: before the 08:00 reminder hour.
        Assert.Equal(0, await DeadlineReminders.RunDueAsync(s.Db, planner.Clock.GetUtcNow().UtcDateTime, Ct));
        planner.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 3, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await DeadlineReminders.RunDueAsync(s.Db, planner.Clock.GetUtcNow().UtcDateTime, Ct));
        Assert.Equal(0, await DeadlineReminders.RunDueAsync(s.Db, planner.Clock.GetUtcNow().UtcDateTime, Ct));
        planner.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 5, 8, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await DeadlineReminders.RunDueAsync(s.Db, planner.Clock.GetUtcNow().UtcDateTime, Ct));

        var subjects = (await NoticesAsync(planner)).Select(n => n.Subject).ToList();
        Assert.Equal(["Commitment due in 2 days: Hometown 5K", "Due today: send the pitch to the editor", "Commitment due today: Hometown 5K"], subjects);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AMissedCommitment_IsToldToThePartnersWhoSeeIt_Once(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var run = (await AddGoal.RunAsync(s, new NewGoal("Run a 5K"), Ct)).Value;
        var other = (await AddGoal.RunAsync(s, new NewGoal("Learn Spanish"), Ct)).Value;
        Assert.True((await CreateCommitment.RunAsync(s, new NewCommitment(NotificationTestData.Id(run.Id), null, new DateOnly(2027, 3, 4), "Hometown 5K", Lock: true), Ct)).IsOk);
        var bo = await planner.AddUserAsync("Bo");
        var cy = await planner.AddUserAsync("Cy");
        await NotificationTestData.PartnerAsync(s.Db, s.UserId, bo, s.NowUtc, seesActions: false, run.Id);
        await NotificationTestData.PartnerAsync(s.Db, s.UserId, cy, s.NowUtc, seesActions: true, other.Id);

        await CommitmentNotices.SweepAsync(s.Db, planner.Clock, Ct);
        Assert.Empty(await NoticesAsync(planner));
        planner.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 5, 0, 1, 0, TimeSpan.Zero));
        await CommitmentNotices.SweepAsync(await planner.OpenAsync(), planner.Clock, Ct);
        await CommitmentNotices.SweepAsync(await planner.OpenAsync(), planner.Clock, Ct);

        var notice = Assert.Single(await NoticesAsync(planner));
        Assert.Equal(bo, notice.User);
        Assert.Equal("missed", notice.Kind);
        Assert.Contains("missed a commitment: Hometown 5K, 2027-03-04", notice.Subject, StringComparison.Ordinal);
        Assert.Equal(1, await planner.CountAsync("SELECT COUNT(*) FROM commitments WHERE status = 'missed'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ACooledOffChange_IsToldToTheUserWhenItApplies(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var run = (await AddGoal.RunAsync(s, new NewGoal("Run a 5K"), Ct)).Value;
        var c = (await CreateCommitment.RunAsync(s, new NewCommitment(NotificationTestData.Id(run.Id), null, new DateOnly(2027, 4, 4), "Hometown 5K", Lock: true), Ct)).Value;
        Assert.True((await ChangeCommitment.RequestAsync(s, c.Id, Core.Commitments.CommitmentChange.Reschedule(new DateOnly(2027, 4, 18)), allowRequest: true, Ct)).IsOk);

        planner.Clock.Advance(TimeSpan.FromDays(7.1));
        await CommitmentNotices.SweepAsync(await planner.OpenAsync(), planner.Clock, Ct);

        var notice = Assert.Single(await NoticesAsync(planner));
        Assert.Equal((s.UserId, "cooling-off"), (notice.User, notice.Kind));
        Assert.Contains("2027-04-18", notice.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ANewCalendarSecret_ReplacesTheOld(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var first = await CalendarFeed.RegenerateAsync(s, Ct);
        Assert.NotNull(await CalendarFeed.LoadAsync(s.Db, first, planner.Clock.GetUtcNow(), Ct));
        var second = await CalendarFeed.RegenerateAsync(s, Ct);
        Assert.Null(await CalendarFeed.LoadAsync(s.Db, first, planner.Clock.GetUtcNow(), Ct));
        Assert.NotNull(await CalendarFeed.LoadAsync(s.Db, second, planner.Clock.GetUtcNow(), Ct));
        Assert.Equal(1, await planner.CountAsync("SELECT COUNT(*) FROM users WHERE calendar_token_hash = @h", ("h", CalendarFeed.Hash(second))));
        Assert.Equal(0, await planner.CountAsync("SELECT COUNT(*) FROM users WHERE calendar_token_hash = @h", ("h", second)));
    }
}
