using System.Globalization;
using System.Net;
using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Actions;

public sealed class EditActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<PlannedAction> AddAsync(WebApp app, string text, long? goal = null, long? user = null) =>
        app.AsUserAsync(user, async s => (await AddAction.RunAsync(s, new NewAction(text, goal?.ToString(CultureInfo.InvariantCulture), Horizon.Now,
            Due: new DateOnly(2027, 3, 5), Outcome: "1000 words"), Ct)).Value);

    private static Task<PlannedAction> FindAsync(WebApp app, long id) => app.AsUserAsync(null, async s => (await ActionQueries.FindAsync(s, id, Ct)).Value);

    private static (string, long?, DateOnly?, ExpectedOutcome?, Verdict) Fields(PlannedAction a) => (a.Text, a.GoalId, a.Due, a.Outcome, a.Verdict);

    private static Task<HttpResponseMessage> EditAsync(Browser browser, long id, string text, string goal, string outcome, string due) =>
        browser.SubmitAsync($"/actions/{id}/edit?returnUrl=%2F", "value=\"edit-action\"", ("Text", text), ("Goal", goal), ("Outcome", outcome), ("Due", due));

    [Fact]
    public async Task Edit_ChangesTextGoalDueAndOutcome_JudgesTheNewTextAgain_AndKeepsTheEditInTheHistory()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var goal = (await web.App.AsUserAsync(null, s => AddGoal.RunAsync(s, new("Finish my novel"), Ct))).Value;
        var action = await AddAsync(web.App, "write 1,000 words of chapter 4");

        var page = WebUtility.HtmlDecode(await owner.FollowAsync(await EditAsync(owner, action.Id,
            "read three books on plot", goal.Id.ToString(CultureInfo.InvariantCulture), "", "2027-03-10")));

        Assert.Contains("Saved: read three books on plot. It reads passive: try “", page, StringComparison.Ordinal);
        var saved = await FindAsync(web.App, action.Id);
        Assert.Equal(("read three books on plot", goal.Id, new DateOnly(2027, 3, 10), (ExpectedOutcome?)null, Verdict.Passive),
            (saved.Text, saved.GoalId, saved.Due, saved.Outcome, saved.Verdict));
        var history = await web.App.AsUserAsync(null, s => ActionQueries.HistoryAsync(s, action.Id, Ct));
        Assert.Contains(history, e => e.Kind == ActionEventKind.Edited && e.Detail == "text, goal, due, outcome");
        Assert.Contains(history, e => e.Kind == ActionEventKind.Postponed);
        Assert.Contains("edited: text, goal, due, outcome", WebUtility.HtmlDecode(await owner.PageAsync($"/actions/{action.Id}/edit")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("write 500 words", "someday", "The due date is not a date")]
    [InlineData("write 500 words", "2027-02-01", "The due date is in the past")]
    [InlineData("", "", "The action is empty")]
    public async Task Edit_WithBadInput_IsExplained_AndChangesNothing(string text, string due, string message)
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var action = await AddAsync(web.App, "write 1,000 words of chapter 4");

        using var response = await EditAsync(owner, action.Id, text, "none", "1000 words", due);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(Fields(action), Fields(await FindAsync(web.App, action.Id)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AnotherPerson_GetsNotFound_ForTheEditPageAndItsPost(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        var action = await AddAsync(web.App, "write 1,000 words of chapter 4");
        using var bo = await web.App.PersonAsync("bo@example.com");
        var boAction = await AddAsync(web.App, "write 200 words", user: await web.App.CountAsync("SELECT MAX(id) FROM users"));
        var boPage = await bo.PageAsync($"/actions/{boAction.Id}/edit");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(boPage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);

        using var page = await bo.GetAsync($"/actions/{action.Id}/edit");
        using var post = await bo.PostAsync($"/actions/{action.Id}/edit",
            [("_handler", "edit-action"), ("__RequestVerificationToken", token), ("Text", "stolen"), ("Goal", "none")]);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.StatusCode, post.StatusCode));
        Assert.Equal(Fields(action), Fields(await FindAsync(web.App, action.Id)));
    }

    [Fact]
    public async Task ActionItem_LinksToItsEditPage_AndADoneActionCannotBeEdited()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var action = await AddAsync(web.App, "write 1,000 words of chapter 4");

        Assert.Contains($"href=\"/actions/{action.Id}/edit?returnUrl=%2F\"", await owner.PageAsync("/"), StringComparison.Ordinal);
        await web.App.AsUserAsync(null, s => CompleteAction.RunAsync(s, action.Id, "1,100 words", Ct));
        var page = await owner.PageAsync($"/actions/{action.Id}/edit");
        Assert.Contains("only open actions can be edited", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"edit-action\"", page, StringComparison.Ordinal);
    }
}
