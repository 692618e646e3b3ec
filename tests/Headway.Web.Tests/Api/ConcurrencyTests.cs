using System.Net;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Api;

/// <summary>If-Match and Idempotency-Key under concurrent requests, on both databases.</summary>
public sealed class ConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FiftyParallelUpdatesWithOneETag_OneApplies_FortyNineAre412(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var api = await ApiClient.StartAsync(web.App);
        using var created = await api.PostAsync("/api/v1/goals", new { title = "Run a 5K" });
        var location = created.Headers.Location!.OriginalString;
        var etag = created.Headers.ETag!.Tag;

        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => api.PatchAsync(location, new { title = $"Run a 5K, take {i}" }, etag)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
        var winner = await ApiClient.JsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        using var read = await api.GetAsync(location);
        Assert.Equal("\"2\"", read.Headers.ETag!.Tag);
        Assert.Equal(winner.GetProperty("title").GetString(), (await ApiClient.JsonAsync(read)).GetProperty("title").GetString());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RetriedCreate_ReturnsTheStoredAnswer_AndCreatesNothing(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var api = await ApiClient.StartAsync(web.App);
        var body = new { text = "email Sam to ask for 20 minutes", horizon = "now" };

        using var first = await api.PostAsync("/api/v1/actions", body, key: "add-sam-1");
        using var retry = await api.PostAsync("/api/v1/actions", body, key: "add-sam-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await retry.Content.ReadAsStringAsync(Ct));
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));

        var detail = await ApiClient.ProblemAsync(await api.PostAsync("/api/v1/actions", new { text = "email Kim", horizon = "now" }, key: "add-sam-1"), 422);
        Assert.Contains("different request", detail, StringComparison.Ordinal);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentCreatesWithOneKey_CreateOneRecord(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var api = await ApiClient.StartAsync(web.App);

        var goal = (await ApiClient.JsonAsync(await api.PostAsync("/api/v1/goals", new { title = "Run a 5K" }))).GetProperty("id").GetInt64();

        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(_ =>
            api.PostAsync("/api/v1/commitments", new { goalId = goal, due = "2027-03-14", eventName = "Hometown 5K" }, key: "5k")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM commitments"));
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM idempotent_requests"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task KeyOlderThanADay_IsForgotten()
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);
        (await api.PostAsync("/api/v1/goals", new { title = "Run a 5K" }, key: "goal-1")).Dispose();

        web.App.Clock.Advance(TimeSpan.FromHours(25));
        using var again = await api.PostAsync("/api/v1/goals", new { title = "Run a 5K" }, key: "goal-1");

        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await web.App.CountAsync("SELECT COUNT(*) FROM goals"));
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM idempotent_requests"));
    }
}
