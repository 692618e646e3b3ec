using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Transfer;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Formats;
using Headway.Core.Goals;

namespace Headway.App.Tests.Transfer;

/// <summary>
/// Importing another tool's backlog: all in one transaction, open items in Later whatever Now and This week hold,
/// projects as goals under the cap, done items with their dates, and the source's ids kept so a second import only
/// updates what changed.
/// </summary>
public sealed class ImportItemsTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    private static readonly DateTime Monday = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static ImportedItem Item(int line, string text, string? project = null, ItemStatus status = ItemStatus.Open, DateOnly? due = null) => new()
    {
        Line = line,
        SourceId = $"uuid-{line}",
        Text = text,
        Project = project,
        Status = status,
        Due = due,
        CreatedAt = new DateTime(2027, 2, 1, 8, 0, 0, DateTimeKind.Utc),
        CompletedAt = status == ItemStatus.Open ? null : Monday,
        Tags = ["writing"],
    };

    private static List<ImportedItem> Backlog() =>
    [
        Item(1, "write 1,000 words for chapter 4", "Novel", due: new DateOnly(2027, 3, 10)),
        Item(2, "read about plot structure", "Novel"),
        Item(3, "outline chapter 5", "Novel"),
        Item(4, "email Sarah to ask for a referral", "Job"),
        Item(5, "update my CV", "Job"),
        Item(6, "call the gym about a trial", "Fitness"),
        Item(7, "sign up for the Hometown 5K", "Race"),
        Item(8, "write 500 words for chapter 3", "Novel", ItemStatus.Done),
        Item(9, "buy a new notebook", "Stationery", ItemStatus.Dropped),
        Item(10, "call mom"),
    ];

    private static Task<Result<ImportReport>> ImportAsync(PlannerSession s, IReadOnlyList<ImportedItem> items, ProjectsAs projects = ProjectsAs.Goals) =>
        ImportItems.RunAsync(s, items, TaskFormat.Taskwarrior, projects, "tasks.json", Ct);

    private static async Task FullNowAndWeekAsync(PlannerSession s)
    {
        for (var i = 0; i < HorizonRules.NowCap; i++)
        {
            Assert.True((await AddAction.RunAsync(s, new NewAction($"write {i + 1}00 words for chapter {i + 1}", Horizon: Horizon.Now), Ct)).IsOk);
        }

        for (var i = 0; i < HorizonRules.WeekCap; i++)
        {
            Assert.True((await AddAction.RunAsync(s, new NewAction($"run {i + 1} km along the river", Horizon: Horizon.Week), Ct)).IsOk);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_PutsOpenItemsInLater_EvenWithNowAndWeekFull(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await FullNowAndWeekAsync(s);

        var report = await ImportAsync(s, Backlog());

        Assert.True(report.IsOk, report.Error?.Message);
        Assert.Equal((10, 10, 0, 0), (report.Value.Read, report.Value.Added, report.Value.Updated, report.Value.Unchanged));
        Assert.Equal(HorizonRules.NowCap, (await ActionQueries.OpenAsync(s, Horizon.Now, Ct)).Count);
        Assert.Equal(HorizonRules.WeekCap, (await ActionQueries.OpenAsync(s, Horizon.Week, Ct)).Count);
        var later = await ActionQueries.OpenAsync(s, Horizon.Later, Ct);
        Assert.Equal(8, later.Count);
        var write = Assert.Single(later, a => a.Text == "write 1,000 words for chapter 4");
        Assert.Equal(new DateOnly(2027, 3, 10), write.Due);
        Assert.Equal(ActionAnalyzer.Analyze(write.Text).Verdict, write.Verdict);
        Assert.Equal(new ExpectedOutcome(1000, "words", "1,000 words"), write.Outcome);
        Assert.Equal(Verdict.Passive, later.Single(a => a.Text == "read about plot structure").Verdict);
        Assert.Equal(new DateTime(2027, 2, 1, 8, 0, 0, DateTimeKind.Utc), write.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Projects_BecomeGoals_TheBusiestActiveUpToTheCap_TheRestPaused(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await AddGoal.RunAsync(s, new NewGoal("Grow my network"), Ct);
        await AddGoal.RunAsync(s, new NewGoal("Save for a bike"), Ct);

        var report = (await ImportAsync(s, Backlog())).Value;

        Assert.Equal((5, 3), (report.GoalsCreated, report.GoalsActive));
        var goals = await GoalQueries.ListAsync(s, includeClosed: true, Ct);
        Assert.Equal(GoalRules.MaxActive, goals.Count(g => g.Status == GoalStatus.Active));
        // Novel has 3 open items, Job 2, Fitness and Race 1 each (alphabetical on a tie), Stationery none.
        Assert.Equal(["Grow my network", "Save for a bike", "Novel", "Job", "Fitness"], goals.Where(g => g.Status == GoalStatus.Active).Select(g => g.Title));
        Assert.Equal(["Race", "Stationery"], goals.Where(g => g.Status == GoalStatus.Paused).Select(g => g.Title));
        var novel = goals.Single(g => g.Title == "Novel");
        Assert.Equal(4, (await ActionQueries.ForGoalAsync(s, novel.Id, Ct)).Count);
        Assert.Null((await ActionQueries.OpenAsync(s, Horizon.Later, Ct)).Single(a => a.Text == "call mom").GoalId);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DoneItems_KeepTheirCompletionDate_AndFeedTheReviewOfThatWeek(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;

        await ImportAsync(s, Backlog());

        var done = Assert.Single(await ActionQueries.CompletedInAsync(s, s.User.Calendar.WeekOf(new DateOnly(2027, 3, 1)), Ct));
        Assert.Equal("write 500 words for chapter 3", done.Text);
        Assert.Equal(Monday, done.CompletedAt);
        var history = await ActionQueries.HistoryAsync(s, done.Id, Ct);
        Assert.Equal([ActionEventKind.Created, ActionEventKind.Completed], history.Select(e => e.Kind));
        Assert.Equal(Monday, history[1].At);
        var dropped = await s.Db.SingleAsync("SELECT status FROM actions WHERE text = 'buy a new notebook'", r => r.GetString(0), null, Ct);
        Assert.Equal("dropped", dropped);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportingTheSameItemsAgain_AddsNothing(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await ImportAsync(s, Backlog());
        var before = await planner.SnapshotAsync();

        var again = (await ImportAsync(s, Backlog())).Value;

        Assert.Equal((0, 0, 10, 0), (again.Added, again.Updated, again.Unchanged, again.GoalsCreated));
        Assert.Equal(before, await planner.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ChangedItems_AreUpdated_TextJudgedAgain_DueAndStatusTaken(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await ImportAsync(s, Backlog());
        var changed = Backlog();
        changed[1] = changed[1] with { Text = "write a 2-page summary of plot structure" };
        changed[0] = changed[0] with { Due = new DateOnly(2027, 3, 20) };
        changed[3] = changed[3] with { Status = ItemStatus.Done, CompletedAt = Monday.AddDays(1) };
        changed.Add(Item(11, "write 300 words for chapter 6", "Novel"));

        var report = (await ImportAsync(s, changed)).Value;

        Assert.Equal((1, 3, 7), (report.Added, report.Updated, report.Unchanged));
        var later = await ActionQueries.OpenAsync(s, Horizon.Later, Ct);
        var summary = Assert.Single(later, a => a.Text == "write a 2-page summary of plot structure");
        Assert.Equal(Verdict.Meaningful, summary.Verdict);
        Assert.Equal(new DateOnly(2027, 3, 20), later.Single(a => a.Text.StartsWith("write 1,000", StringComparison.Ordinal)).Due);
        Assert.DoesNotContain(later, a => a.Text.StartsWith("email Sarah", StringComparison.Ordinal));
        var emailed = await s.Db.SingleAsync("SELECT status FROM actions WHERE text LIKE 'email Sarah%'", r => r.GetString(0), null, Ct);
        Assert.Equal("done", emailed);
        var history = await ActionQueries.HistoryAsync(s, summary.Id, Ct);
        Assert.Equal([ActionEventKind.Created, ActionEventKind.Edited], history.Select(e => e.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WorkFinishedInHeadway_IsNotReopenedByAnOlderFile(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        await ImportAsync(s, Backlog());
        var id = (await ActionQueries.OpenAsync(s, Horizon.Later, Ct)).Single(a => a.Text == "outline chapter 5").Id;
        Assert.True((await CompleteAction.RunAsync(s, id, "outline of 12 scenes", Ct)).IsOk);

        var report = (await ImportAsync(s, Backlog())).Value;

        Assert.Equal(0, report.Updated);
        Assert.Equal(ActionStatus.Done, (await ActionQueries.FindAsync(s, id, Ct)).Value.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ProjectsAsLabels_CreateNoGoals_AndKeepTheProjectAsALabel(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;

        var report = (await ImportAsync(s, Backlog(), ProjectsAs.Labels)).Value;

        Assert.Equal(0, report.GoalsCreated);
        Assert.Empty(await GoalQueries.ListAsync(s, includeClosed: true, Ct));
        var doc = await ExportData.RunAsync(s, Ct);
        Assert.Equal(["+Novel", "writing"], doc.Actions[0].Labels);
        Assert.All(doc.Actions, a => Assert.Equal(("taskwarrior", $"uuid-{a.Id}"), (a.Source, a.SourceId)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ItemsWithoutIds_AreKnownByTheirText_SoASecondImportAddsNothing(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        ImportedItem[] lines =
        [
            new() { Line = 1, Text = "call mom" },
            new() { Line = 2, Text = "call mom" },
            new() { Line = 3, Text = "write 500 words", Project = "Novel" },
        ];

        var first = (await ImportItems.RunAsync(s, lines, TaskFormat.TodoTxt, ProjectsAs.Goals, "todo.txt", Ct)).Value;
        var second = (await ImportItems.RunAsync(s, lines, TaskFormat.TodoTxt, ProjectsAs.Goals, "todo.txt", Ct)).Value;

        Assert.Equal((3, 0, 3), (first.Added, second.Added, second.Unchanged));
        Assert.Equal(3, await planner.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Fact]
    public async Task AFiftyThousandItemBacklog_ImportsInOneTransaction()
    {
        await using var planner = await TestPlanner.CreateAsync(Provider.Sqlite);
        var items = Enumerable.Range(1, 50_000).Select(i => Item(i, $"write {i} words for chapter {i % 40}", $"Project {i % 12}")).ToList();

        var report = await ImportAsync(planner.Session, items);

        Assert.True(report.IsOk, report.Error?.Message);
        Assert.Equal(50_000, await planner.CountAsync("SELECT COUNT(*) FROM actions WHERE horizon = 'later'"));
        Assert.Equal(12, report.Value.GoalsCreated);
    }
}
