using Headway.App.Actions;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using static Headway.App.Tests.Actions.ActionTestData;

namespace Headway.App.Tests.Actions;

/// <summary>Bad input and foreign ids: a clear error of the right kind, and nothing written.</summary>
public sealed class BadActionInputTests
{
    private static readonly string TenMegabytes = new('w', 10 * 1024 * 1024);

    private static CancellationToken Ct => TestPlanner.Ct;

    public static TheoryData<Provider, string> BadTexts()
    {
        var data = new TheoryData<Provider, string>();
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            foreach (var text in new[] { "", "   ", "ten-megabytes", "write 500 words\nthen sleep", "write 500 words\u0007", "write\t500 words" })
            {
                data.Add(provider, text);
            }
        }

        return data;
    }

    private static string Expand(string text) => text == "ten-megabytes" ? TenMegabytes : text;

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task Add_BadText_IsInvalidAndWritesNothing(Provider provider, string text)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);

        var added = await AddAction.RunAsync(planner.Session, new NewAction(Expand(text), KeepPassive: true), Ct);

        Assert.Equal(ErrorKind.Invalid, added.Error?.Kind);
        Assert.Equal(0, await planner.CountAsync("SELECT COUNT(*) FROM actions"));
        Assert.Equal(0, await planner.CountAsync("SELECT COUNT(*) FROM action_events"));
    }

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task Edit_Done_Drop_WithBadText_AreInvalidAndChangeNothing(Provider provider, string text)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var action = await AddAsync(s, Meaningful, Horizon.Now);
        var before = await planner.SnapshotAsync();

        var edited = await EditAction.RunAsync(s, action.Id, new ActionEdit(Text: Expand(text)), Ct);
        var done = await CompleteAction.RunAsync(s, action.Id, Expand(text), Ct);
        var dropped = await DropAction.RunAsync(s, action.Id, Expand(text), Ct);

        Assert.Equal(ErrorKind.Invalid, edited.Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, done.Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, dropped.Error?.Kind);
        Assert.Equal(before, await planner.SnapshotAsync());
        Assert.Equal(action, (await ActionQueries.FindAsync(s, action.Id, Ct)).Value with { Signals = action.Signals });
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PastDueDate_IsInvalidOnAddAndEdit(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var action = await AddAsync(s, Meaningful, due: s.Today);
        var before = await planner.SnapshotAsync();

        var added = await AddAction.RunAsync(s, new NewAction("draft 2 pages of chapter 5", Due: s.Today.AddDays(-1)), Ct);
        var edited = await EditAction.RunAsync(s, action.Id, new ActionEdit(Due: s.Today.AddDays(-1)), Ct);

        Assert.Equal(ErrorKind.Invalid, added.Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, edited.Error?.Kind);
        Assert.Contains("pick today or a later date", added.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await planner.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BadOverrideReasonOrOutcome_IsInvalidAndWritesNothing(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;

        var noReason = await AddAction.RunAsync(s, new NewAction(Passive, Override: new VerdictOverride(Verdict.Meaningful, " ")), Ct);
        var hugeOutcome = await AddAction.RunAsync(s, new NewAction(Meaningful, Outcome: TenMegabytes), Ct);
        var nothingToEdit = await EditAction.RunAsync(s, 1, new ActionEdit(), Ct);

        Assert.Equal(ErrorKind.Invalid, noReason.Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, hugeOutcome.Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, nothingToEdit.Error?.Kind);
        Assert.Equal(0, await planner.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ActionOfAnotherUser_IsNotFoundForEveryChange(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var mine = await AddAsync(planner.Session, Meaningful, Horizon.Now);
        var stranger = await planner.OpenSessionAsync(await planner.AddUserAsync("bo"));
        var before = await planner.SnapshotAsync();

        var results = new[]
        {
            await ActionQueries.FindAsync(stranger, mine.Id, Ct),
            await CompleteAction.RunAsync(stranger, mine.Id, "1,000 words", Ct),
            await MoveAction.RunAsync(stranger, mine.Id, Horizon.Later, Ct),
            await EditAction.RunAsync(stranger, mine.Id, new ActionEdit(Text: "write 5 words"), Ct),
            await DropAction.RunAsync(stranger, mine.Id, null, Ct),
        };

        Assert.All(results, r => Assert.Equal(ErrorKind.NotFound, r.Error?.Kind));
        Assert.Empty(await ActionQueries.HistoryAsync(stranger, mine.Id, Ct));
        Assert.Empty(await ActionQueries.OpenAsync(stranger, Horizon.Now, Ct));
        Assert.Equal(before, await planner.SnapshotAsync());
        Assert.Equal(ActionStatus.Open, (await ActionQueries.FindAsync(planner.Session, mine.Id, Ct)).Value.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CapsCountEachUserSeparately(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        await FillAsync(planner.Session, Horizon.Now, 5);
        var other = await planner.OpenSessionAsync(await planner.AddUserAsync("bo"));

        var added = await AddAction.RunAsync(other, new NewAction(Meaningful, Horizon: Horizon.Now), Ct);

        Assert.True(added.IsOk, added.Error?.Message);
        Assert.Single(await ActionQueries.OpenAsync(other, Horizon.Now, Ct));
    }
}
