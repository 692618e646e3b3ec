using System.Globalization;
using System.Net;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Goals;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Goals;

public sealed class GoalPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Goal> AddAsync(WebApp app, string title, long? user = null) =>
        app.AsUserAsync(user, async s => (await AddGoal.RunAsync(s, new NewGoal(title, "It matters", GoalArea.Writing), Ct)).Value);

    private static Task<Goal> FindAsync(WebApp app, long id) => app.AsUserAsync(null, async s => (await GoalQueries.FindAsync(s, id, Ct)).Value);

    private static async Task<string> ChangeStatusAsync(Browser browser, long id, string to) =>
        WebUtility.HtmlDecode(await browser.FollowAsync(await browser.SubmitAsync($"/goals/{id}", $"action=\"/goals/{id}/status\"", ("to", to))));

    [Fact]
    public async Task Edit_ChangesTheGoal_AndAnEmptiedFieldIsCleared()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var goal = await AddAsync(web.App, "Finish my novel");

        var page = WebUtility.HtmlDecode(await owner.FollowAsync(await owner.SubmitAsync($"/goals/{goal.Id}/edit", "value=\"edit-goal\"",
            ("Title", "Finish the first draft of my novel"), ("Why", ""), ("Area", "creative"), ("Target", "80,000 words"), ("TargetDate", "2027-12-31"))));

        Assert.Contains("Saved: Finish the first draft of my novel", page, StringComparison.Ordinal);
        var saved = await FindAsync(web.App, goal.Id);
        Assert.Equal(("Finish the first draft of my novel", (string?)null, GoalArea.Creative, new Quantity(80000, "words"), new DateOnly(2027, 12, 31)),
            (saved.Title, saved.Why, saved.Area, saved.Target, saved.TargetDate));
    }

    [Theory]
    [InlineData("", "", "The goal title is empty")]
    [InlineData("Finish my novel", "some", "'some' is not a measurable target")]
    public async Task Edit_WithBadInput_IsExplained_AndChangesNothing(string title, string target, string message)
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var goal = await AddAsync(web.App, "Finish my novel");

        using var response = await owner.SubmitAsync($"/goals/{goal.Id}/edit", "value=\"edit-goal\"",
            ("Title", title), ("Why", "changed"), ("Area", "writing"), ("Target", target), ("TargetDate", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(goal, await FindAsync(web.App, goal.Id));
    }

    [Fact]
    public async Task StatusButtons_PauseAchieveDrop_AndResumeRespectsTheCap()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var goal = await AddAsync(web.App, "Finish my novel");

        Assert.Contains("Paused: Finish my novel", await ChangeStatusAsync(owner, goal.Id, "paused"), StringComparison.Ordinal);
        for (var i = 1; i <= GoalRules.MaxActive; i++)
        {
            await AddAsync(web.App, $"Goal {i}");
        }

        var refused = await ChangeStatusAsync(owner, goal.Id, "active");
        Assert.Contains("You already have 5 active goals: achieve, pause or drop one first", refused, StringComparison.Ordinal);
        Assert.Equal(GoalStatus.Paused, (await FindAsync(web.App, goal.Id)).Status);

        Assert.Contains("Achieved: Finish my novel", await ChangeStatusAsync(owner, goal.Id, "achieved"), StringComparison.Ordinal);
        Assert.Contains("Dropped: Finish my novel", await ChangeStatusAsync(owner, goal.Id, "dropped"), StringComparison.Ordinal);
        Assert.Equal(GoalStatus.Dropped, (await FindAsync(web.App, goal.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AnotherPerson_GetsNotFound_ForTheEditPageTheEditAndTheStatusButtons(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        var goal = await AddAsync(web.App, "Finish my novel");
        using var bo = await web.App.PersonAsync("bo@example.com");
        var boGoal = await AddAsync(web.App, "Bo's goal", await web.App.CountAsync("SELECT MAX(id) FROM users"));
        var boPage = await bo.PageAsync($"/goals/{boGoal.Id}/edit");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(boPage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);

        using var editPage = await bo.GetAsync($"/goals/{goal.Id}/edit");
        using var edit = await bo.PostAsync($"/goals/{goal.Id}/edit",
            [("_handler", "edit-goal"), ("__RequestVerificationToken", token), ("Title", "Stolen"), ("Area", "writing")]);
        using var status = await bo.PostAsync($"/goals/{goal.Id}/status", [("__RequestVerificationToken", token), ("to", "dropped")]);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (editPage.StatusCode, edit.StatusCode, status.StatusCode));
        Assert.Equal(goal, await FindAsync(web.App, goal.Id));
    }

    [Fact]
    public async Task GoalPage_OffersEditAndTheOtherStatuses()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var goal = await AddAsync(web.App, "Finish my novel");

        var page = await owner.PageAsync($"/goals/{goal.Id.ToString(CultureInfo.InvariantCulture)}");

        Assert.Contains($"href=\"/goals/{goal.Id}/edit\"", page, StringComparison.Ordinal);
        Assert.Contains(">Pause</button>", page, StringComparison.Ordinal);
        Assert.Contains(">Mark achieved</button>", page, StringComparison.Ordinal);
        Assert.Contains(">Drop</button>", page, StringComparison.Ordinal);
    }
}
