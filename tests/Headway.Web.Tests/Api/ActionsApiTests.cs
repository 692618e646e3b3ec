using System.Net;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Api;

public sealed class ActionsApiTests
{
    [Fact]
    public async Task PassiveAction_Is422WithTheVerdictAndSuggestion_UntilKept()
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);

        using var refused = await api.PostAsync("/api/v1/actions", new { text = "watch 3 tutorials on plotting", horizon = "now" });
        Assert.Equal(422, (int)refused.StatusCode);
        var problem = await ApiClient.JsonAsync(refused);
        Assert.Equal("passive", problem.GetProperty("analysis").GetProperty("verdict").GetString());
        Assert.Contains(problem.GetProperty("analysis").GetProperty("signals").EnumerateArray(), s => s.GetProperty("code").GetString() == "consumption");
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));

        using var kept = await api.PostAsync("/api/v1/actions", new { text = "watch 3 tutorials on plotting", horizon = "now", keepPassive = true });
        Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
        var action = await ApiClient.JsonAsync(kept);
        Assert.Equal("passive", action.GetProperty("verdict").GetString());
        Assert.False(string.IsNullOrEmpty(action.GetProperty("suggestion").GetString()));
    }

    [Fact]
    public async Task SixthNowAction_Is409SayingWhatToFinishOrMove()
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);
        for (var i = 1; i <= 5; i++)
        {
            (await api.PostAsync("/api/v1/actions", new { text = $"write {i}00 words", horizon = "now" })).Dispose();
        }

        var detail = await ApiClient.ProblemAsync(await api.PostAsync("/api/v1/actions", new { text = "write 600 words", horizon = "now" }), 409);

        Assert.Contains("Now already holds 5 open actions", detail, StringComparison.Ordinal);
        Assert.Equal(5, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Fact]
    public async Task List_FiltersAndPages_AndDoneMoveDropChangeTheAction()
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);
        var goal = (await ApiClient.JsonAsync(await api.PostAsync("/api/v1/goals", new { title = "Finish my novel" }))).GetProperty("id").GetInt64();
        var ids = new List<long>();
        for (var i = 1; i <= 5; i++)
        {
            var action = await ApiClient.JsonAsync(await api.PostAsync("/api/v1/actions", new { text = $"write {i}00 words", horizon = "week", goalId = i <= 3 ? goal : (long?)null }));
            ids.Add(action.GetProperty("id").GetInt64());
        }

        var first = await ApiClient.JsonAsync(await api.GetAsync($"/api/v1/actions?goalId={goal}&limit=2"));
        Assert.Equal(ids[..2], first.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        var second = await ApiClient.JsonAsync(await api.GetAsync(first.GetProperty("next").GetString()!));
        Assert.Equal([ids[2]], second.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next").ValueKind);

        using var done = await api.PostAsync($"/api/v1/actions/{ids[0]}/done", new { result = "1,150 words" }, "\"1\"");
        var completed = await ApiClient.JsonAsync(done);
        Assert.Equal(("done", "1,150 words"), (completed.GetProperty("status").GetString(), completed.GetProperty("result").GetString()));
        using var moved = await api.PostAsync($"/api/v1/actions/{ids[1]}/move", new { to = "now" }, "\"1\"");
        Assert.Equal("now", (await ApiClient.JsonAsync(moved)).GetProperty("horizon").GetString());
        using var dropped = await api.PostAsync($"/api/v1/actions/{ids[2]}/drop", null, "\"1\"");
        Assert.Equal("dropped", (await ApiClient.JsonAsync(dropped)).GetProperty("status").GetString());
        using var edited = await api.PatchAsync($"/api/v1/actions/{ids[3]}", new { text = "write 450 words", goalId = goal }, "\"1\"");
        Assert.Equal(goal, (await ApiClient.JsonAsync(edited)).GetProperty("goalId").GetInt64());

        var open = await ApiClient.JsonAsync(await api.GetAsync("/api/v1/actions?status=open&horizon=week"));
        Assert.Equal([ids[3], ids[4]], open.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Contains("not a horizon", await ApiClient.ProblemAsync(await api.GetAsync("/api/v1/actions?horizon=someday"), 400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_JudgesWithoutSaving_AndReviewAnswersForAWeek()
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);

        var analysis = await ApiClient.JsonAsync(await api.PostAsync("/api/v1/check", new { text = "write 1,000 words for chapter 4 by fri" }));
        Assert.Equal("meaningful", analysis.GetProperty("verdict").GetString());
        Assert.Equal(1000, analysis.GetProperty("outcome").GetProperty("quantity").GetDouble());
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));

        var review = await ApiClient.JsonAsync(await api.GetAsync("/api/v1/review?week=2027-03-03"));
        Assert.Equal("2027-03-01", review.GetProperty("weekStart").GetString());
        Assert.Contains("week", await ApiClient.ProblemAsync(await api.GetAsync("/api/v1/review?week=soon"), 400), StringComparison.Ordinal);
    }
}
