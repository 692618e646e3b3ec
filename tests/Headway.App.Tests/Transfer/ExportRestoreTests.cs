using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Transfer;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Commitments;
using Headway.Core.Formats;
using Headway.Core.Goals;

namespace Headway.App.Tests.Transfer;

/// <summary>
/// The Headway JSON export holds everything, and importing it into an empty database restores it losslessly: export →
/// import → export gives the identical document, ids included.
/// </summary>
public sealed class ExportRestoreTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    /// <summary>A planner with something of every kind: goals in each state, actions in each horizon and state, history, overrides, commitments, requests.</summary>
    internal static async Task FillAsync(TestPlanner planner)
    {
        var s = planner.Session;
        await ChangeSettingsAsync(s);
        var novel = (await AddGoal.RunAsync(s, new NewGoal("Finish my novel", "I have told people for years", GoalArea.Writing, new Quantity(80000, "words"), s.Today.AddDays(200)), Ct)).Value;
        var race = (await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K", null, GoalArea.Fitness), Ct)).Value;
        var old = (await AddGoal.RunAsync(s, new NewGoal("Learn Spanish"), Ct)).Value;
        await ChangeGoalStatus.RunAsync(s, old.Id, GoalStatus.Paused, Ct);

        var write = Ok(await AddAction.RunAsync(s, new NewAction("write 1,000 words for chapter 4", "novel", Horizon.Now, s.Today.AddDays(2)), Ct));
        var run = Ok(await AddAction.RunAsync(s, new NewAction("run 5 km along the river", "5K", Horizon.Week, Outcome: "5 km"), Ct));
        var read = Ok(await AddAction.RunAsync(s, new NewAction("read about plot structure", "novel", Horizon.Week, KeepPassive: true), Ct));
        Ok(await AddAction.RunAsync(s, new NewAction("watch a running form video", null, Horizon.Later,
            Override: new VerdictOverride(Verdict.Meaningful, "my coach asked me to, and I will film myself after")), Ct));
        Ok(await ImportItems.RunAsync(s,
            [new ImportedItem { Line = 1, Text = "email Sarah to ask for a 20-minute call" }, new ImportedItem { Line = 2, Text = "reorganize my notes; again, properly" }],
            TaskFormat.PlainText, ProjectsAs.Labels, "backlog.txt", Ct));
        planner.Clock.Advance(TimeSpan.FromHours(3));
        Ok(await EditAction.RunAsync(s, read.Id, new ActionEdit(Due: s.Today.AddDays(5)), Ct));
        Ok(await CompleteAction.RunAsync(s, write.Id, "1,150 words", Ct));
        Ok(await DropAction.RunAsync(s, run.Id, "knee hurts", Ct));

        var commitment = Ok(await CreateCommitment.RunAsync(s, new NewCommitment("5K", null, s.Today.AddDays(30), "Hometown 5K", "https://example.org/5k", Lock: true), Ct));
        Ok(await ChangeCommitment.RequestAsync(s, commitment.Id, CommitmentChange.Reschedule(s.Today.AddDays(40)), allowRequest: true, Ct));
        Ok(await CreateCommitment.RunAsync(s, new NewCommitment(null, read.Id, s.Today.AddDays(6), Target: new Quantity(20, "pages")), Ct));
        _ = novel;
        _ = race;
    }

    private static async Task ChangeSettingsAsync(PlannerSession s) =>
        Assert.True((await App.Users.ChangeSettings.RunAsync(s, "America/New_York", "sunday", Ct)).IsOk);

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsOk, result.Error?.Message);
        return result.Value;
    }

    internal static async Task<string> ExportAsync(PlannerSession s, ExportFormat format = ExportFormat.Json)
    {
        using var text = new StringWriter();
        await ExportWriters.WriteAsync(await ExportData.RunAsync(s, Ct), format, text, Ct);
        return text.ToString();
    }

    private static async Task<Result<ImportReport>> RestoreAsync(PlannerSession s, string json)
    {
        var (kind, _, reader) = ImportSource.Detect(new StringReader(json), null, null);
        Assert.Equal(ImportKind.Headway, kind);
        var doc = await ImportSource.ReadDocumentAsync(reader, "backup.json", Ct);
        return doc.IsOk ? await RestoreData.RunAsync(s, doc.Value, "backup.json", Ct) : doc.Error!;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ExportImportExport_GivesTheIdenticalDocument(Provider provider)
    {
        await using var source = await TestPlanner.CreateAsync(provider);
        await FillAsync(source);
        var first = await ExportAsync(await source.OpenSessionAsync());

        await using var target = await TestPlanner.CreateAsync(provider, source.Clock.GetUtcNow());
        var report = Ok(await RestoreAsync(target.Session, first));
        var second = await ExportAsync(await target.OpenSessionAsync());

        Assert.Equal(first, second);
        Assert.Equal((3, 6, 2), (report.GoalsCreated, report.Added, report.Commitments));
        Assert.Contains("\"reason\": \"my coach asked me to", first, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"completed\"", first, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"coolingoff\"", first, StringComparison.Ordinal);
        Assert.Contains("\"timeZone\": \"America/New_York\"", first, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Restore_KeepsIds_AndNewRowsTakeTheNextOnes(Provider provider)
    {
        await using var source = await TestPlanner.CreateAsync(provider);
        await FillAsync(source);
        var json = await ExportAsync(source.Session);
        var maxAction = await source.CountAsync("SELECT MAX(id) FROM actions");

        await using var target = await TestPlanner.CreateAsync(provider, source.Clock.GetUtcNow());
        Ok(await RestoreAsync(target.Session, json));
        var s = await target.OpenSessionAsync();
        var added = Ok(await AddAction.RunAsync(s, new NewAction("write 500 words for chapter 5", Horizon: Horizon.Later), Ct));
        var goal = Ok(await AddGoal.RunAsync(s, new NewGoal("Grow my network"), Ct));

        Assert.Equal(maxAction + 1, added.Id);
        Assert.Equal(4, goal.Id);
        Assert.Equal("1,150 words", (await ActionQueries.FindAsync(s, 1, Ct)).Value.Result);
        Assert.Equal(DayOfWeek.Sunday, s.User.Calendar.FirstDay);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RestoreIntoAPlannerWithData_IsRefused_AndChangesNothing(Provider provider)
    {
        await using var source = await TestPlanner.CreateAsync(provider);
        await FillAsync(source);
        var json = await ExportAsync(source.Session);
        var before = await source.SnapshotAsync();

        var result = await RestoreAsync(source.Session, json);

        Assert.Equal(ErrorKind.Refused, result.Error?.Kind);
        Assert.Contains("empty planner", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await source.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RestoreWhenAnotherUserHasData_GivesNewIds_AndKeepsReferences(Provider provider)
    {
        await using var source = await TestPlanner.CreateAsync(provider);
        await FillAsync(source);
        var json = await ExportAsync(source.Session);

        await using var target = await TestPlanner.CreateAsync(provider, source.Clock.GetUtcNow());
        await AddGoal.RunAsync(target.Session, new NewGoal("The owner's own goal"), Ct);
        var other = await target.OpenSessionAsync(await target.AddUserAsync("sam"));
        Ok(await RestoreAsync(other, json));

        var goals = await GoalQueries.ListAsync(other, includeClosed: true, Ct);
        Assert.Equal(["Finish my novel", "Run the Hometown 5K", "Learn Spanish"], goals.Select(g => g.Title));
        var novel = goals[0];
        Assert.NotEqual(1, novel.Id);
        Assert.Contains(await ActionQueries.ForGoalAsync(other, novel.Id, Ct), a => a.Result == "1,150 words");
        var commitments = await CommitmentQueries.ListAsync(other, includeClosed: true, Ct);
        var race = Assert.Single(commitments, c => c.GoalId is not null);
        Assert.Equal(goals[1].Id, race.GoalId);
        Assert.NotNull(await CommitmentQueries.PendingRequestAsync(other, race.Id, Ct));
    }

    [Theory]
    [InlineData("\"horizon\": \"now\"", "\"horizon\": \"soon\"", "field horizon")]
    [InlineData("\"area\": \"writing\"", "\"area\": \"poetry\"", "field area")]
    [InlineData("\"goalId\": 1,", "\"goalId\": 99,", "there is no goal 99")]
    [InlineData("\"version\": 1,", "\"version\": 7,", "version 7")]
    [InlineData("\"why\": ", "\"mood\": \"great\", \"why\": ", "mood")]
    [InlineData("\"score\": ", "\"score\": \"high\", \"x\": ", "line ")]
    public async Task InvalidDocument_IsRefusedNamingTheField_AndChangesNothing(string find, string replace, string named)
    {
        await using var source = await TestPlanner.CreateAsync(Provider.Sqlite);
        await FillAsync(source);
        var json = await ExportAsync(source.Session);
        var index = json.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, find);
        var broken = string.Concat(json.AsSpan(0, index), replace, json.AsSpan(index + find.Length));

        await using var target = await TestPlanner.CreateAsync(Provider.Sqlite);
        var before = await target.SnapshotAsync();
        var result = await RestoreAsync(target.Session, broken);

        Assert.Equal(ErrorKind.Invalid, result.Error?.Kind);
        Assert.StartsWith("Nothing was imported from backup.json: ", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(named, result.Error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await target.SnapshotAsync());
    }
}
