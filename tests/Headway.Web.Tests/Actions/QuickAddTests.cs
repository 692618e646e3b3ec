using System.Net;
using Headway.App.Actions;
using Headway.App.Goals;
using Headway.Core.Actions;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Actions;

public sealed class QuickAddTests
{
    private const string Passive = "watch 3 youtube tutorials on story structure";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> AddAsync(Browser browser, params (string, string)[] fields)
    {
        using var response = await browser.SubmitAsync("/add", "value=\"quick-add\"", fields);
        return response.StatusCode == HttpStatusCode.Redirect ? await browser.FollowAsync(response) : await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task MeaningfulText_IsAddedAtOnce()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var goal = await web.App.AsUserAsync(null, s => AddGoal.RunAsync(s, new("Finish my novel"), Ct));

        var page = await AddAsync(owner, ("Text", "write 1,000 words of chapter 4"), ("Goal", goal.Value.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Horizon", "now"));

        Assert.Contains("Added to Now: write 1,000 words of chapter 4", page, StringComparison.Ordinal);
        var now = await web.App.AsUserAsync(null, s => ActionQueries.OpenAsync(s, Horizon.Now, Ct));
        Assert.Equal(goal.Value.Id, Assert.Single(now).GoalId);
    }

    [Fact]
    public async Task PassiveText_ShowsVerdictEvidenceAndSuggestion_AndSavesNothing()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        var page = await AddAsync(owner, ("Text", Passive), ("Horizon", "now"));

        Assert.Contains("This looks passive", page, StringComparison.Ordinal);
        Assert.Contains("consumption", page, StringComparison.Ordinal);
        Assert.Contains("Use the suggestion", page, StringComparison.Ordinal);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Fact]
    public async Task PassiveText_TakingTheSuggestion_SavesTheRewrite()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var suggestion = Core.Analysis.ActionAnalyzer.Analyze(Passive).Suggestion!;

        var page = await AddAsync(owner, ("Text", Passive), ("Horizon", "week"), ("Choice", "suggestion"));

        Assert.Contains("Added to This week", page, StringComparison.Ordinal);
        var week = await web.App.AsUserAsync(null, s => ActionQueries.OpenAsync(s, Horizon.Week, Ct));
        Assert.Equal(suggestion, Assert.Single(week).Text);
    }

    [Fact]
    public async Task PassiveText_KeptAsIs_IsSavedAsPassive()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        await AddAsync(owner, ("Text", Passive), ("Horizon", "now"), ("Choice", "keep"));

        var now = Assert.Single(await web.App.AsUserAsync(null, s => ActionQueries.OpenAsync(s, Horizon.Now, Ct)));
        Assert.Equal(Passive, now.Text);
        Assert.Equal(Core.Analysis.Verdict.Passive, now.EffectiveVerdict);
    }

    [Fact]
    public async Task PassiveText_OverriddenWithAReason_CountsAsMeaningful()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        var withoutReason = await AddAsync(owner, ("Text", Passive), ("Horizon", "now"), ("Choice", "override"));
        Assert.Contains("Say why", withoutReason, StringComparison.Ordinal);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));

        await AddAsync(owner, ("Text", Passive), ("Horizon", "now"), ("Choice", "override"), ("Reason", "I teach this class on Monday"));

        var now = Assert.Single(await web.App.AsUserAsync(null, s => ActionQueries.OpenAsync(s, Horizon.Now, Ct)));
        Assert.Equal("I teach this class on Monday", now.Override!.Reason);
        Assert.Equal(Core.Analysis.Verdict.Meaningful, now.EffectiveVerdict);
    }

    [Fact]
    public async Task FullNow_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        for (var i = 1; i <= HorizonRules.NowCap; i++)
        {
            Assert.True((await web.App.AsUserAsync(null, s => AddAction.RunAsync(s, new NewAction($"write {i}00 words", Horizon: Horizon.Now), Ct))).IsOk);
        }

        var page = await AddAsync(owner, ("Text", "send the query letter to 3 agents"), ("Horizon", "now"));

        Assert.Contains("Now already holds 5 open actions", page, StringComparison.Ordinal);
        Assert.DoesNotContain("`headway", page, StringComparison.Ordinal);
        Assert.Equal(HorizonRules.NowCap, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Fact]
    public async Task FormPostedWithoutItsAntiforgeryToken_IsRejected()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        using var response = await owner.PostAsync("/add", [("_handler", "quick-add"), ("Text", "write 500 words"), ("Horizon", "now")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }
}
