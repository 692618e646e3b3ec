using System.Globalization;
using System.Net;
using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Actions;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Actions;

public sealed class ActionButtonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<PlannedAction> AddAsync(WebApp app, string text, Horizon horizon = Horizon.Now, long? goal = null) =>
        app.AsUserAsync(null, async s => (await AddAction.RunAsync(s, new NewAction(text, goal?.ToString(CultureInfo.InvariantCulture), horizon), Ct)).Value);

    private static Task<PlannedAction> FindAsync(WebApp app, long id) =>
        app.AsUserAsync(null, async s => (await ActionQueries.FindAsync(s, id, Ct)).Value);

    [Fact]
    public async Task Done_WithAResult_CompletesTheActionAndCountsTheOutcome()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var goal = (await web.App.AsUserAsync(null, s => AddGoal.RunAsync(s, new("Finish my novel"), Ct))).Value;
        var action = await AddAsync(web.App, "write 1,000 words of chapter 4", goal: goal.Id);

        var page = WebUtility.HtmlDecode(await owner.FollowAsync(await owner.SubmitAsync("/", $"action=\"/actions/{action.Id}/done\"", ("result", "1,150 words"))));

        Assert.Contains("Done: write 1,000 words of chapter 4 → 1,150 words", page, StringComparison.Ordinal);
        Assert.Contains("1 outcome", page, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Done, (await FindAsync(web.App, action.Id)).Status);
    }

    [Fact]
    public async Task Move_AndDrop_ChangeTheAction()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var action = await AddAsync(web.App, "email Sam to ask for 20 minutes");

        (await owner.SubmitAsync("/", $"action=\"/actions/{action.Id}/move\"", ("to", "later"))).Dispose();
        Assert.Equal(Horizon.Later, (await FindAsync(web.App, action.Id)).Horizon);

        var other = await AddAsync(web.App, "write 300 words");
        (await owner.SubmitAsync("/", $"action=\"/actions/{other.Id}/drop\"")).Dispose();
        Assert.Equal(ActionStatus.Dropped, (await FindAsync(web.App, other.Id)).Status);
    }

    [Fact]
    public async Task Move_IntoAFullList_ShowsTheRefusal()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        for (var i = 1; i <= HorizonRules.NowCap; i++)
        {
            await AddAsync(web.App, $"write {i}00 words");
        }

        var waiting = await AddAsync(web.App, "write 900 words", Horizon.Week);

        var page = await owner.FollowAsync(await owner.SubmitAsync("/", $"action=\"/actions/{waiting.Id}/move\"", ("to", "now")));

        Assert.Contains("Now already holds 5 open actions", page, StringComparison.Ordinal);
        Assert.Equal(Horizon.Week, (await FindAsync(web.App, waiting.Id)).Horizon);
    }

    [Fact]
    public async Task ButtonPostedWithoutItsAntiforgeryToken_IsRejected()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var action = await AddAsync(web.App, "write 500 words");

        using var response = await owner.PostAsync($"/actions/{action.Id}/done", [("result", "500 words")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ActionStatus.Open, (await FindAsync(web.App, action.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AnotherPerson_CannotSeeOrChangeTheOwnersGoalOrAction(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        var goal = (await web.App.AsUserAsync(null, s => AddGoal.RunAsync(s, new("Finish my novel"), Ct))).Value;
        var action = await AddAsync(web.App, "write 1,000 words of chapter 4", goal: goal.Id);
        using var bo = await web.App.PersonAsync("bo@example.com");
        // Bo's own action gives Bo's page the forms (and antiforgery tokens) a real attacker would have.
        (await bo.SubmitAsync("/add", "value=\"quick-add\"", ("Text", "write 200 words"), ("Horizon", "now"))).Dispose();

        using var goalPage = await bo.GetAsync($"/goals/{goal.Id}");
        Assert.Equal(HttpStatusCode.NotFound, goalPage.StatusCode);
        Assert.DoesNotContain("Finish my novel", await bo.PageAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("chapter 4", await bo.PageAsync("/review"), StringComparison.Ordinal);
        var boPage = await bo.PageAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(boPage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        foreach (var (verb, field) in new[] { ("done", ("result", "stolen")), ("move", ("to", "later")), ("drop", ("reason", "x")) })
        {
            using var response = await bo.PostAsync($"/actions/{action.Id}/{verb}", [("__RequestVerificationToken", WebUtility.HtmlDecode(token)), field]);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var after = await FindAsync(web.App, action.Id);
        Assert.Equal((ActionStatus.Open, Horizon.Now), (after.Status, after.Horizon));
        using var quickAdd = await bo.SubmitAsync("/add", "value=\"quick-add\"", ("Text", "write 300 words"), ("Goal", goal.Id.ToString(CultureInfo.InvariantCulture)), ("Horizon", "now"));
        Assert.Contains("There is no goal", await quickAdd.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
