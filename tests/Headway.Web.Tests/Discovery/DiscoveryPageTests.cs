using System.Globalization;
using System.Net;
using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Actions;
using Headway.Core.Goals;
using Headway.Web.Tests.Accounts;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Discovery;

public sealed class DiscoveryPageTests
{
    private const string Passive = "watch 3 youtube tutorials on story structure";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ReadAsync(Browser browser, HttpResponseMessage response)
    {
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                return WebUtility.HtmlDecode(await browser.FollowAsync(response));
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }
    }

    private static async Task<string> AddGoalAsync(Browser browser, string title, string area = "writing", string target = "", string why = "") =>
        await ReadAsync(browser, await browser.SubmitAsync("/start?step=goals", "value=\"discovery\"",
            ("Do", "add-goal"), ("Title", title), ("Why", why), ("Area", area), ("Target", target), ("TargetDate", "")));

    private static async Task<string> AddFirstActionAsync(Browser browser, long goal, string text, params (string, string)[] more) =>
        await ReadAsync(browser, await browser.SubmitAsync("/start?step=actions", "value=\"first-action\"",
            [("Goal", goal.ToString(CultureInfo.InvariantCulture)), ("Text", text), .. more]));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ANewUser_IsLedFromTheDashboard_ThroughQuestionsAndGoals_ToTheirFirstNowActions(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();

        using var home = await owner.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/start", home.Headers.Location!.PathAndQueryOrOriginal());
        var questions = await owner.PageAsync("/start");
        Assert.Contains("A year from now, what would make this year count?", WebUtility.HtmlDecode(questions), StringComparison.Ordinal);

        // The answers come back as prompts, and one becomes a draft with its area guessed.
        var goals = await ReadAsync(owner, await owner.SubmitAsync("/start", "value=\"discovery\"",
            ("Do", "answers"), ("A0", "finish the first draft of my novel"), ("A1", ""), ("A2", "run the Hometown 5K"), ("A3", "")));
        Assert.Contains("“finish the first draft of my novel”", goals, StringComparison.Ordinal);
        Assert.Contains("name=\"A2\" value=\"run the Hometown 5K\"", goals, StringComparison.Ordinal);
        var drafted = await ReadAsync(owner, await owner.PostAsync("/start", Hidden(goals, "goal-form").Append(("Do", "draft-2"))));
        Assert.Contains("value=\"Run the Hometown 5K\"", drafted, StringComparison.Ordinal);
        Assert.Contains("<option value=\"fitness\" selected", drafted, StringComparison.Ordinal);

        var first = await AddGoalAsync(owner, "Finish the first draft of my novel", "writing", "80000 words", "I have told people for years");
        Assert.Contains("Added: Finish the first draft of my novel", first, StringComparison.Ordinal);
        await AddGoalAsync(owner, "Run the Hometown 5K", "fitness");
        var third = await AddGoalAsync(owner, "Speak at a meetup", "networking");
        Assert.Contains("(3/5 active)", third, StringComparison.Ordinal);
        var stored = await web.App.AsUserAsync(null, s => GoalQueries.ListAsync(s, includeClosed: false, Ct));
        Assert.Equal(["Finish the first draft of my novel", "Run the Hometown 5K", "Speak at a meetup"], stored.Select(g => g.Title).ToArray());
        Assert.Equal((80000.0, "words", GoalArea.Writing), (stored[0].Target!.Amount, stored[0].Target!.Unit, stored[0].Area));

        // First actions: a meaningful one goes straight to Now; a passive one shows the verdict and its rewrite first.
        var actions = await owner.PageAsync("/start?step=actions");
        Assert.Contains("data-live-verdict=\"live-verdict\"", actions, StringComparison.Ordinal);
        var added = await AddFirstActionAsync(owner, stored[0].Id, "write 300 words of chapter 1");
        Assert.Contains("Added to Now: write 300 words of chapter 1", added, StringComparison.Ordinal);
        var passive = await AddFirstActionAsync(owner, stored[2].Id, Passive);
        Assert.Contains("This looks passive", passive, StringComparison.Ordinal);
        Assert.Contains("Use the suggestion", passive, StringComparison.Ordinal);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
        await AddFirstActionAsync(owner, stored[2].Id, Passive, ("Choice", "suggestion"));
        var now = await web.App.AsUserAsync(null, s => ActionQueries.OpenAsync(s, Horizon.Now, Ct));
        Assert.Equal(Core.Analysis.ActionAnalyzer.Analyze(Passive).Suggestion, now.Single(a => a.GoalId == stored[2].Id).Text);

        // With goals, the dashboard is shown again.
        Assert.Contains("Finish the first draft of my novel", await owner.PageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadGoal_IsExplained_AndNothingIsSaved()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        var noTitle = await AddGoalAsync(owner, "  ");
        var badTarget = await AddGoalAsync(owner, "Finish my novel", target: "lots");

        Assert.Contains("The goal title is empty", noTitle, StringComparison.Ordinal);
        Assert.Contains("'lots' is not a measurable target", badTarget, StringComparison.Ordinal);
        Assert.Contains("value=\"Finish my novel\"", badTarget, StringComparison.Ordinal);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM goals"));
    }

    [Fact]
    public async Task TheGoalAndNowCaps_AreExplained_AndNothingPastThemIsSaved()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var ids = new List<long>();
        for (var i = 1; i <= GoalRules.MaxActive; i++)
        {
            ids.Add(await web.App.AsUserAsync(null, async s => (await AddGoal.RunAsync(s, new NewGoal($"Goal {i}"), Ct)).Value.Id));
        }

        var full = await owner.PageAsync("/start?step=goals");
        Assert.Contains("You have 5 active goals, the most Headway keeps", WebUtility.HtmlDecode(full), StringComparison.Ordinal);
        var sixth = await AddGoalAsync(owner, "A sixth goal");
        Assert.Contains("You already have 5 active goals: achieve, pause or drop one first", sixth, StringComparison.Ordinal);
        Assert.Equal(5, await web.App.CountAsync("SELECT COUNT(*) FROM goals"));

        for (var i = 1; i <= HorizonRules.NowCap; i++)
        {
            await AddFirstActionAsync(owner, ids[i - 1], $"write {i}00 words");
        }

        var actions = WebUtility.HtmlDecode(await owner.PageAsync("/start?step=actions"));
        Assert.Contains("Now holds 5 actions, its limit", actions, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"first-action\"", actions, StringComparison.Ordinal);
        Assert.Equal(HorizonRules.NowCap, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Fact]
    public async Task FirstAction_ForAnotherPersonsGoal_IsNotFound_AndNothingIsSaved()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var goal = await web.App.AsUserAsync(null, async s => (await AddGoal.RunAsync(s, new NewGoal("Finish my novel"), Ct)).Value.Id);
        using var bo = await web.App.PersonAsync("bo@example.com");
        await web.App.AsUserAsync(await web.App.CountAsync("SELECT MAX(id) FROM users"), s => AddGoal.RunAsync(s, new NewGoal("Bo's goal"), Ct));

        var page = await AddFirstActionAsync(bo, goal, "write 300 words");

        Assert.Contains("There is no goal", page, StringComparison.Ordinal);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    // The hidden fields of one form of a page (the answers carried from step to step, the token, the handler).
    private static List<(string Name, string Value)> Hidden(string html, string formId)
    {
        var form = System.Text.RegularExpressions.Regex.Match(html, $"<form id=\"{formId}\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        return System.Text.RegularExpressions.Regex.Matches(form, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }
}
