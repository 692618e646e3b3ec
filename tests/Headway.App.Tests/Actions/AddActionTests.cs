using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using static Headway.App.Tests.Actions.ActionTestData;

namespace Headway.App.Tests.Actions;

/// <summary>Adding an action: the analyzer's verdict is stored with its evidence, passive work needs a conscious yes, and the caps hold.</summary>
public sealed class AddActionTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MeaningfulAction_IsStoredWithItsVerdictSignalsOutcomeAndHistory(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var novel = (await AddGoal.RunAsync(s, new NewGoal("Finish my novel"), Ct)).Value;
        var due = s.Today.AddDays(2);

        var added = await AddAction.RunAsync(s, new NewAction("  " + Meaningful + " ", "novel", Horizon.Now, due), Ct);

        Assert.True(added.IsOk, added.Error?.Message);
        var expected = ActionAnalyzer.Analyze(Meaningful);
        var other = await planner.OpenSessionAsync();
        var stored = (await ActionQueries.FindAsync(other, added.Value.Id, Ct)).Value;
        Assert.Equal(Meaningful, stored.Text);
        Assert.Equal(novel.Id, stored.GoalId);
        Assert.Equal(Horizon.Now, stored.Horizon);
        Assert.Equal(ActionStatus.Open, stored.Status);
        Assert.Equal(due, stored.Due);
        Assert.Equal(Verdict.Meaningful, stored.Verdict);
        Assert.Equal(expected.Score, stored.Score);
        Assert.Equal(expected.Signals, stored.Signals);
        Assert.Contains(stored.Signals, x => x.Code == SignalCode.Creation);
        Assert.Equal(new ExpectedOutcome(1000, "words", "1,000 words"), stored.Outcome);
        Assert.Null(stored.Suggestion);
        Assert.Null(stored.Override);
        Assert.Null(stored.CompletedAt);
        Assert.Equal(planner.Clock.GetUtcNow().UtcDateTime, stored.CreatedAt);
        Assert.Equal(s.ThisWeek.Start, stored.PlannedWeek);
        var created = Assert.Single(await ActionQueries.HistoryAsync(other, stored.Id, Ct));
        Assert.Equal(ActionEventKind.Created, created.Kind);
        Assert.Equal([stored.Id], (await ActionQueries.OpenAsync(other, Horizon.Now, Ct)).Select(a => a.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OutreachAction_IsMarkedStretch(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);

        var added = await AddAsync(planner.Session, "email Sarah to ask for a 20-minute call");

        var stored = (await ActionQueries.FindAsync(planner.Session, added.Id, Ct)).Value;
        Assert.True(stored.Stretch);
        Assert.Contains(stored.Signals, x => x.Code == SignalCode.Outreach);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PassiveAction_WithoutKeep_IsRefusedWithASuggestionAndNothingIsStored(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var before = await planner.SnapshotAsync();

        var added = await AddAction.RunAsync(planner.Session, new NewAction(Passive, Horizon: Horizon.Now), Ct);

        Assert.Equal(ErrorKind.Refused, added.Error?.Kind);
        Assert.Contains("consumption", added.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(ActionAnalyzer.Analyze(Passive).Suggestion!, added.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await planner.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PassiveAction_KeptOnPurpose_IsStoredAsPassiveWithItsSuggestion(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);

        var added = await AddAction.RunAsync(planner.Session, new NewAction(Passive, Horizon: Horizon.Later, KeepPassive: true), Ct);

        var stored = (await ActionQueries.FindAsync(planner.Session, added.Value.Id, Ct)).Value;
        Assert.Equal(Verdict.Passive, stored.Verdict);
        Assert.Equal(Verdict.Passive, stored.EffectiveVerdict);
        Assert.Contains(stored.Signals, x => x.Code == SignalCode.Consumption);
        Assert.Equal(ActionAnalyzer.Analyze(Passive).Suggestion, stored.Suggestion);
        Assert.Equal(Horizon.Later, stored.Horizon);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PassiveAction_OverriddenWithAReason_IsStoredWithTheOverride(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var reason = "the book club meets on Friday and I lead it";

        var added = await AddAction.RunAsync(planner.Session,
            new NewAction(Passive, Override: new VerdictOverride(Verdict.Meaningful, "  " + reason + " ")), Ct);

        Assert.True(added.IsOk, added.Error?.Message);
        var stored = (await ActionQueries.FindAsync(await planner.OpenSessionAsync(), added.Value.Id, Ct)).Value;
        Assert.Equal(Verdict.Passive, stored.Verdict);
        Assert.Equal(new VerdictOverride(Verdict.Meaningful, reason), stored.Override);
        Assert.Equal(Verdict.Meaningful, stored.EffectiveVerdict);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GivenOutcome_ReplacesTheOneInTheText(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);

        var added = await AddAction.RunAsync(planner.Session, new NewAction(Meaningful, Outcome: "1500 words"), Ct);

        var stored = (await ActionQueries.FindAsync(planner.Session, added.Value.Id, Ct)).Value;
        Assert.Equal(1500, stored.Outcome?.Quantity);
        Assert.Equal("words", stored.Outcome?.Unit);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SixthNowAction_IsRefusedAndNothingIsStored(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        await FillAsync(planner.Session, Horizon.Now, 5);
        var before = await planner.SnapshotAsync();

        var sixth = await AddAction.RunAsync(planner.Session, new NewAction("write 2 pages of chapter 9", Horizon: Horizon.Now), Ct);

        Assert.Equal(ErrorKind.Refused, sixth.Error?.Kind);
        Assert.Contains("Now already holds 5", sixth.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await planner.SnapshotAsync());
        Assert.Equal(5, await ActionQueries.CountOpenAsync(planner.Session, Horizon.Now, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EleventhWeekAction_IsRefusedAndNothingIsStored_ButLaterStillTakesIt(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        await FillAsync(planner.Session, Horizon.Week, 10);
        var before = await planner.SnapshotAsync();

        var eleventh = await AddAction.RunAsync(planner.Session, new NewAction("write 2 pages of chapter 9", Horizon: Horizon.Week), Ct);

        Assert.Equal(ErrorKind.Refused, eleventh.Error?.Kind);
        Assert.Contains("This week already holds 10", eleventh.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await planner.SnapshotAsync());
        Assert.True((await AddAction.RunAsync(planner.Session, new NewAction("write 2 pages of chapter 9", Horizon: Horizon.Later), Ct)).IsOk);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UnknownGoal_IsNotFoundAndNothingIsStored(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);

        var added = await AddAction.RunAsync(planner.Session, new NewAction(Meaningful, Goal: "marathon"), Ct);

        Assert.Equal(ErrorKind.NotFound, added.Error?.Kind);
        Assert.Equal(0, await planner.CountAsync("SELECT COUNT(*) FROM actions"));
    }
}
