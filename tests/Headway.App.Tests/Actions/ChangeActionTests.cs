using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Commitments;
using static Headway.App.Tests.Actions.ActionTestData;

namespace Headway.App.Tests.Actions;

/// <summary>Moving, finishing, dropping and editing actions, with the history the review reads.</summary>
public sealed class ChangeActionTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    private static async Task<List<ActionEventKind>> KindsAsync(PlannerSession s, long id) =>
        [.. (await ActionQueries.HistoryAsync(s, id, Ct)).Select(e => e.Kind)];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Move_LaterIsAPostponementAndSoonerAnAdvance(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var action = await AddAsync(s, Meaningful, Horizon.Week);

        var toNow = await MoveAction.RunAsync(s, action.Id, Horizon.Now, Ct);
        var toLater = await MoveAction.RunAsync(s, action.Id, Horizon.Later, Ct);

        Assert.Equal(Horizon.Now, toNow.Value.Horizon);
        Assert.Equal(Horizon.Later, (await ActionQueries.FindAsync(s, action.Id, Ct)).Value.Horizon);
        Assert.True(toLater.IsOk);
        var history = await ActionQueries.HistoryAsync(await planner.OpenSessionAsync(), action.Id, Ct);
        Assert.Equal([ActionEventKind.Created, ActionEventKind.Advanced, ActionEventKind.Postponed], history.Select(e => e.Kind));
        Assert.Equal("week → now", history[1].Detail);
        Assert.Equal("now → later", history[2].Detail);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Move_IntoAFullNow_IsRefusedAndTheActionStaysPut(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await FillAsync(s, Horizon.Now, 5);
        var waiting = await AddAsync(s, "draft 2 pages of chapter 5", Horizon.Later);
        var before = await planner.SnapshotAsync();

        var moved = await MoveAction.RunAsync(s, waiting.Id, Horizon.Now, Ct);

        Assert.Equal(ErrorKind.Refused, moved.Error?.Kind);
        Assert.Equal(before, await planner.SnapshotAsync());
        Assert.Equal(Horizon.Later, (await ActionQueries.FindAsync(s, waiting.Id, Ct)).Value.Horizon);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Move_IntoAFullWeek_IsRefused(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await FillAsync(s, Horizon.Week, 10);
        var current = await AddAsync(s, "draft 2 pages of chapter 5", Horizon.Now);

        var moved = await MoveAction.RunAsync(s, current.Id, Horizon.Week, Ct);

        Assert.Equal(ErrorKind.Refused, moved.Error?.Kind);
        Assert.Equal([ActionEventKind.Created], await KindsAsync(s, current.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Done_RecordsResultCompletionTimeAndEvent_AndKeepsItsLiveCommitment(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var action = await AddAsync(s, Meaningful, Horizon.Now);
        var commitment = (await CreateCommitment.RunAsync(s, new NewCommitment(null, action.Id, s.Today.AddDays(3), Lock: true), Ct)).Value;
        planner.Clock.Advance(TimeSpan.FromHours(5));

        var done = await CompleteAction.RunAsync(s, action.Id, " 1,150 words ", Ct);

        Assert.True(done.IsOk, done.Error?.Message);
        var other = await planner.OpenSessionAsync();
        var stored = (await ActionQueries.FindAsync(other, action.Id, Ct)).Value;
        Assert.Equal(ActionStatus.Done, stored.Status);
        Assert.Equal("1,150 words", stored.Result);
        Assert.Equal(planner.Clock.GetUtcNow().UtcDateTime, stored.CompletedAt);
        var completed = (await ActionQueries.HistoryAsync(other, action.Id, Ct))[^1];
        Assert.Equal(ActionEventKind.Completed, completed.Kind);
        Assert.Equal("1,150 words", completed.Detail);
        var kept = (await CommitmentQueries.FindAsync(other, commitment.Id, Ct)).Value;
        Assert.Equal(CommitmentStatus.Kept, kept.Status);
        Assert.Equal(planner.Clock.GetUtcNow().UtcDateTime, kept.ResolvedAt);
        Assert.Empty(await ActionQueries.OpenAsync(other, Horizon.Now, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Done_Twice_IsRefusedAndKeepsTheFirstResult(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var action = await AddAsync(s, Meaningful, Horizon.Now);
        await CompleteAction.RunAsync(s, action.Id, "1,150 words", Ct);

        var again = await CompleteAction.RunAsync(s, action.Id, "2,000 words", Ct);

        Assert.Equal(ErrorKind.Refused, again.Error?.Kind);
        Assert.Equal("1,150 words", (await ActionQueries.FindAsync(s, action.Id, Ct)).Value.Result);
        Assert.Single(await KindsAsync(s, action.Id), ActionEventKind.Completed);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Drop_KeepsTheActionInTheHistoryAndFreesItsPlace(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var now = await FillAsync(s, Horizon.Now, 5);

        var dropped = await DropAction.RunAsync(s, now[0].Id, "not needed after all", Ct);

        Assert.Equal(ActionStatus.Dropped, dropped.Value.Status);
        var stored = (await ActionQueries.FindAsync(s, now[0].Id, Ct)).Value;
        Assert.Equal(ActionStatus.Dropped, stored.Status);
        var last = (await ActionQueries.HistoryAsync(s, now[0].Id, Ct))[^1];
        Assert.Equal((ActionEventKind.Dropped, "not needed after all"), (last.Kind, last.Detail));
        Assert.True((await AddAction.RunAsync(s, new NewAction("draft 2 pages of chapter 5", Horizon: Horizon.Now), Ct)).IsOk);
        Assert.Equal(ErrorKind.Refused, (await DropAction.RunAsync(s, now[0].Id, null, Ct)).Error?.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Edit_NewText_IsJudgedAgainAndRecordedAsAnEdit(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var action = (await AddAction.RunAsync(s,
            new NewAction(Passive, Override: new VerdictOverride(Verdict.Meaningful, "for the book club")), Ct)).Value;
        const string NewText = "write 300 words for the blog post";

        var edited = await EditAction.RunAsync(s, action.Id, new ActionEdit(Text: NewText), Ct);

        Assert.True(edited.IsOk, edited.Error?.Message);
        var analysis = ActionAnalyzer.Analyze(NewText);
        var stored = (await ActionQueries.FindAsync(await planner.OpenSessionAsync(), action.Id, Ct)).Value;
        Assert.Equal(NewText, stored.Text);
        Assert.Equal(Verdict.Meaningful, stored.Verdict);
        Assert.Equal(analysis.Score, stored.Score);
        Assert.Equal(analysis.Signals, stored.Signals);
        Assert.Null(stored.Suggestion);
        Assert.Null(stored.Override);
        Assert.Equal(300, stored.Outcome?.Quantity);
        var last = (await ActionQueries.HistoryAsync(s, action.Id, Ct))[^1];
        Assert.Equal((ActionEventKind.Edited, "text"), (last.Kind, last.Detail));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Edit_LaterDueDate_IsAlsoAPostponement_ButAnEarlierOneIsNot(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var action = await AddAsync(s, Meaningful, Horizon.Week, due: s.Today.AddDays(2));

        await EditAction.RunAsync(s, action.Id, new ActionEdit(Due: s.Today.AddDays(4)), Ct);
        await EditAction.RunAsync(s, action.Id, new ActionEdit(Due: s.Today.AddDays(1)), Ct);

        Assert.Equal(
            [ActionEventKind.Created, ActionEventKind.Edited, ActionEventKind.Postponed, ActionEventKind.Edited],
            await KindsAsync(s, action.Id));
        Assert.Equal(s.Today.AddDays(1), (await ActionQueries.FindAsync(s, action.Id, Ct)).Value.Due);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Edit_GoalByTitleAndBackToNone_IsStored(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var goal = (await AddGoal.RunAsync(s, new NewGoal("Finish my novel"), Ct)).Value;
        var action = await AddAsync(s, Meaningful);

        await EditAction.RunAsync(s, action.Id, new ActionEdit(Goal: "novel"), Ct);
        var aligned = (await ActionQueries.FindAsync(s, action.Id, Ct)).Value;
        await EditAction.RunAsync(s, action.Id, new ActionEdit(Goal: "none"), Ct);
        var unaligned = (await ActionQueries.FindAsync(s, action.Id, Ct)).Value;

        Assert.Equal(goal.Id, aligned.GoalId);
        Assert.Null(unaligned.GoalId);
        Assert.Empty(await ActionQueries.ForGoalAsync(s, goal.Id, Ct));
    }
}
