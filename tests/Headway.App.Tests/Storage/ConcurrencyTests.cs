using System.Globalization;
using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Commitments;
using static Headway.App.Tests.Actions.ActionTestData;

namespace Headway.App.Tests.Storage;

/// <summary>
/// Several writers at once: the command line beside a server on one SQLite file, and parallel requests of one user
/// on either provider. No write fails, none is lost, and no cap or one-time rule is beaten by a race.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Parallel = 20;

    private static CancellationToken Ct => TestPlanner.Ct;

    /// <summary>Runs <paramref name="work"/> on <paramref name="count"/> sessions of their own, released together.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(TestPlanner planner, int count, Func<PlannerSession, int, Task<T>> work)
    {
        var sessions = new List<PlannerSession>();
        for (var i = 0; i < count; i++)
        {
            sessions.Add(await planner.OpenSessionAsync());
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Task.Run: Microsoft.Data.Sqlite does its work synchronously, so without it the calls would run one by one.
        var tasks = sessions.Select((s, i) => Task.Run(async () =>
        {
            await gate.Task;
            return await work(s, i);
        }, Ct)).ToList();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    private static string Nth(string format, int i) => string.Format(CultureInfo.InvariantCulture, format, i);

    [Fact]
    public async Task CommandLineAndServerOnOneSqliteFile_WriteFourHundredActionsWithoutALockError()
    {
        await using var planner = await TestPlanner.CreateAsync(Provider.Sqlite);
        var user = planner.Session.User;
        await using var cli = HeadwayDataSource.Create(planner.Database.Target);
        await using var server = HeadwayDataSource.Create(planner.Database.Target);

        // The command line: one short-lived connection per command, one command after another.
        async Task CommandLineAsync()
        {
            for (var i = 0; i < 200; i++)
            {
                await using var db = await cli.OpenAsync(Ct);
                var s = new PlannerSession(db, user, planner.Clock);
                await Housekeeping.RunAsync(s, Ct);
                var added = await AddAction.RunAsync(s, new NewAction(Nth("note from the terminal {0}", i), Horizon: Horizon.Later, KeepPassive: true), Ct);
                Assert.True(added.IsOk, added.Error?.Message);
            }
        }

        // The server: four requests at a time, each on a connection of its own, mixing goal edits with the adds.
        async Task ServerAsync(int worker)
        {
            for (var i = 0; i < 50; i++)
            {
                await using var db = await server.OpenAsync(Ct);
                var s = new PlannerSession(db, user, planner.Clock);
                var added = await AddAction.RunAsync(s, new NewAction(Nth("note from the web {0}", (worker * 50) + i), Horizon: Horizon.Later, KeepPassive: true), Ct);
                Assert.True(added.IsOk, added.Error?.Message);
                Assert.True((await EditGoal.RunAsync(s, 1, new GoalEdit(Why: Nth("edit {0}", i)), Ct)).IsOk);
            }
        }

        await AddGoal.RunAsync(planner.Session, new NewGoal("Finish my novel"), Ct);
        await Task.WhenAll([Task.Run(CommandLineAsync, Ct), .. Enumerable.Range(0, 4).Select(w => Task.Run(() => ServerAsync(w), Ct))]);

        Assert.Equal(400, await planner.CountAsync("SELECT COUNT(*) FROM actions WHERE horizon = 'later'"));
        Assert.Equal(200, await planner.CountAsync("SELECT COUNT(*) FROM actions WHERE text LIKE 'note from the terminal %'"));
        Assert.Equal(400, await planner.CountAsync("SELECT COUNT(DISTINCT action_id) FROM action_events WHERE kind = 'created'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwentyParallelAddsToNow_FillItToFiveAndRefuseTheRest(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);

        var results = await AllAtOnceAsync(planner, Parallel, (s, i) =>
            AddAction.RunAsync(s, new NewAction(Nth("write {0} words of chapter 3", (i + 1) * 100), Horizon: Horizon.Now), Ct));

        Assert.Equal(HorizonRules.NowCap, results.Count(r => r.IsOk));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(ErrorKind.Refused, r.Error!.Kind));
        Assert.Equal(HorizonRules.NowCap, await planner.CountAsync("SELECT COUNT(*) FROM actions WHERE horizon = 'now' AND status = 'open'"));
        Assert.Equal(HorizonRules.NowCap, await planner.CountAsync("SELECT COUNT(*) FROM action_events"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwentyParallelMovesIntoNow_FillItToFiveAndRefuseTheRest(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var backlog = new List<PlannedAction>();
        for (var i = 0; i < Parallel; i++)
        {
            backlog.Add(await AddAsync(planner.Session, Nth("write {0} words of chapter 7", (i + 1) * 100), Horizon.Later));
        }

        var results = await AllAtOnceAsync(planner, Parallel, (s, i) => MoveAction.RunAsync(s, backlog[i].Id, Horizon.Now, Ct));

        Assert.Equal(HorizonRules.NowCap, results.Count(r => r.IsOk));
        Assert.Equal(HorizonRules.NowCap, await planner.CountAsync("SELECT COUNT(*) FROM actions WHERE horizon = 'now'"));
        Assert.Equal(HorizonRules.NowCap, await planner.CountAsync("SELECT COUNT(*) FROM action_events WHERE kind = 'advanced'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwentyParallelGoals_StopAtFiveActive(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);

        var results = await AllAtOnceAsync(planner, Parallel, (s, i) => AddGoal.RunAsync(s, new NewGoal(Nth("Goal {0}", i)), Ct));

        Assert.Equal(5, results.Count(r => r.IsOk));
        Assert.Equal(5, await planner.CountAsync("SELECT COUNT(*) FROM goals WHERE status = 'active'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OneActionMarkedDoneTwiceAtOnce_IsCompletedOnce(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var action = await AddAsync(planner.Session, Meaningful, Horizon.Now);

        var results = await AllAtOnceAsync(planner, 8, (s, i) => CompleteAction.RunAsync(s, action.Id, Nth("{0} words", 1000 + i), Ct));

        Assert.Single(results, r => r.IsOk);
        Assert.Equal(1, await planner.CountAsync("SELECT COUNT(*) FROM action_events WHERE kind = 'completed'"));
        Assert.Equal(results.Single(r => r.IsOk).Value.Result, (await ActionQueries.FindAsync(planner.Session, action.Id, Ct)).Value.Result);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SessionsOpeningTogetherInANewWeek_CarryEachActionOverOnce(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var week = await FillAsync(planner.Session, Horizon.Week, 10);
        planner.Clock.Advance(TimeSpan.FromDays(7));

        await AllAtOnceAsync(planner, 8, async (s, _) =>
        {
            await Housekeeping.RunAsync(s, Ct);
            return true;
        });

        Assert.Equal(10, await planner.CountAsync("SELECT COUNT(*) FROM action_events WHERE kind = 'postponed'"));
        Assert.Equal(10, await planner.CountAsync("SELECT COUNT(DISTINCT action_id) FROM action_events WHERE kind = 'postponed'"));
        Assert.Equal(planner.Session.ThisWeek.Start, (await ActionQueries.FindAsync(planner.Session, week[0].Id, Ct)).Value.PlannedWeek);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ParallelRequestsToLoosenALockedCommitment_LeaveOnePending(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K"), Ct);
        var race = (await CreateCommitment.RunAsync(s, new NewCommitment("5K", null, s.Today.AddDays(30), "Hometown 5K", Lock: true), Ct)).Value;

        var results = await AllAtOnceAsync(planner, 8, (session, i) =>
            ChangeCommitment.RequestAsync(session, race.Id, CommitmentChange.Reschedule(race.Due.AddDays(i + 1)), allowRequest: true, Ct));

        Assert.Single(results, r => r.IsOk);
        Assert.Equal(1, await planner.CountAsync("SELECT COUNT(*) FROM commitment_requests WHERE status = 'pending'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CooledOffRequest_SeenBySessionsOpeningTogether_IsAppliedOnce(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K"), Ct);
        var race = (await CreateCommitment.RunAsync(s, new NewCommitment("5K", null, s.Today.AddDays(30), "Hometown 5K", Lock: true), Ct)).Value;
        await ChangeCommitment.RequestAsync(s, race.Id, CommitmentChange.Reschedule(race.Due.AddDays(7)), allowRequest: true, Ct);
        planner.Clock.Advance(CommitmentRules.CoolingOff);

        await AllAtOnceAsync(planner, 8, async (session, _) =>
        {
            await Housekeeping.RunAsync(session, Ct);
            return true;
        });

        var stored = (await CommitmentQueries.FindAsync(s, race.Id, Ct)).Value;
        Assert.Equal(race.Due.AddDays(7), stored.Due);
        Assert.Equal(race.Version + 1, stored.Version);
        Assert.Equal(1, await planner.CountAsync("SELECT COUNT(*) FROM commitment_requests WHERE status = 'applied'"));
    }
}
