using System.Net;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Api;

public sealed class GoalsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Goal_CreatedReadEditedAndPaused_WithETagsThatFollowEachChange(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var api = await ApiClient.StartAsync(web.App);

        using var created = await api.PostAsync("/api/v1/goals", new { title = "Finish my novel", area = "writing", target = new { quantity = 80000, unit = "words" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        var goal = await ApiClient.JsonAsync(created);
        Assert.Equal($"/api/v1/goals/{goal.GetProperty("id").GetInt64()}", location);
        Assert.Equal("writing", goal.GetProperty("area").GetString());
        Assert.Equal(80000, goal.GetProperty("target").GetProperty("quantity").GetDouble());

        using (var read = await api.GetAsync(location))
        {
            Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        }

        Assert.Contains("If-Match", await ApiClient.ProblemAsync(await api.PatchAsync(location, new { title = "Finish the novel" }, null), 428), StringComparison.Ordinal);

        using var edited = await api.PatchAsync(location, new { title = "Finish the novel" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("\"2\"", edited.Headers.ETag!.Tag);
        Assert.Equal("Finish the novel", (await ApiClient.JsonAsync(edited)).GetProperty("title").GetString());

        Assert.Contains("changed since you read it", await ApiClient.ProblemAsync(await api.PostAsync(location + "/pause", ifMatch: "\"1\""), 412), StringComparison.Ordinal);
        using var paused = await api.PostAsync(location + "/pause", ifMatch: "\"2\"");
        Assert.Equal("paused", (await ApiClient.JsonAsync(paused)).GetProperty("status").GetString());

        var list = await ApiClient.JsonAsync(await api.GetAsync("/api/v1/goals"));
        Assert.Equal("Finish the novel", Assert.Single(list.EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task SixthActiveGoal_IsRefusedWithAConflictThatSaysWhatToDo()
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);
        for (var i = 1; i <= 5; i++)
        {
            (await api.PostAsync("/api/v1/goals", new { title = $"Goal {i}" })).Dispose();
        }

        var detail = await ApiClient.ProblemAsync(await api.PostAsync("/api/v1/goals", new { title = "Goal 6" }), 409);

        Assert.Contains("achieve, pause or drop one first", detail, StringComparison.Ordinal);
        Assert.Equal(5, await web.App.CountAsync("SELECT COUNT(*) FROM goals"));
    }

    [Theory]
    [InlineData("{\"title\": \"Run a 5K\",", "not valid JSON")]
    [InlineData("{\"title\": \"Run a 5K\", \"targetDate\": \"next spring\"}", "targetDate")]
    [InlineData("{\"title\": \"Run a 5K\", \"area\": \"sport\"}", "is not an area")]
    [InlineData("", "JSON body")]
    public async Task MalformedRequest_Is400WithOneSentence_AndChangesNothing(string body, string expected)
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);

        var detail = await ApiClient.ProblemAsync(await api.PostAsync("/api/v1/goals", body), 400);

        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM goals"));
    }
}
