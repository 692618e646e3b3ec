using System.Net;
using Headway.App.Actions;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Tokens;
using Headway.Core.Actions;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Api;

/// <summary>
/// GET /api/v1/actions is answered from a cache while none of the person's data changed, and never stale: each test
/// shows a list came from the cache (the Age header), changes something, and the very next list shows it.
/// </summary>
public sealed class ActionListCacheTests
{
    private const string List = "/api/v1/actions?status=open";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string[] Texts, bool Cached)> ListAsync(ApiClient api)
    {
        using var response = await api.GetAsync(List);
        var json = await ApiClient.JsonAsync(response);
        return ([.. json.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("text").GetString()!)], response.Headers.Age is not null);
    }

    private static async Task<string[]> CachedListAsync(ApiClient api)
    {
        await ListAsync(api);
        var (texts, cached) = await ListAsync(api);
        Assert.True(cached, "The second identical list did not come from the cache.");
        return texts;
    }

    private static async Task<string[]> FreshListAsync(ApiClient api)
    {
        var (texts, cached) = await ListAsync(api);
        Assert.False(cached, "The list came from the cache right after a change.");
        return texts;
    }

    private static Task<PlannedAction> AddAsync(WebApp app, string text, long? userId = null) =>
        app.AsUserAsync(userId, async s => (await AddAction.RunAsync(s, new NewAction(text, null, Horizon.Later, KeepPassive: true), Ct)).Value);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AnApiWrite_AndAWriteAsTheCommandLineDoes_ShowOnTheNextList(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var api = await ApiClient.StartAsync(web.App);
        await AddAsync(web.App, "write 1,000 words of chapter 4");
        Assert.Equal(["write 1,000 words of chapter 4"], await CachedListAsync(api));

        using (var created = await api.PostAsync("/api/v1/actions", new { text = "run 5 km along the river", horizon = "later", keepPassive = true }, key: "cache-test-1"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Assert.Equal(2, (await FreshListAsync(api)).Length);
        Assert.Equal(2, (await CachedListAsync(api)).Length);

        await AddAsync(web.App, "send my portfolio to 3 design studios");
        Assert.Contains("send my portfolio to 3 design studios", await FreshListAsync(api));
    }

    [Fact]
    public async Task ADifferentQuery_AnotherInstance_AndTheNextDay_AreNotServedTheCachedList()
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);
        await AddAsync(web.App, "write 1,000 words of chapter 4");
        await CachedListAsync(api);

        using (var done = await api.GetAsync("/api/v1/actions?status=done"))
        {
            Assert.Empty((await ApiClient.JsonAsync(done)).GetProperty("items").EnumerateArray());
            Assert.Null(done.Headers.Age);
        }

        // A write through another instance on the same database (its own cache) shows here at once.
        var other = web.AnotherInstance();
        using (var elsewhere = await ApiClient.StartAsync(other))
        using (var created = await elsewhere.PostAsync("/api/v1/actions", new { text = "practice Spanish with a tutor for 30 minutes", horizon = "later", keepPassive = true }, key: "cache-test-2"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Assert.Equal(2, (await FreshListAsync(api)).Length);
        await CachedListAsync(api);
        web.App.Clock.Advance(TimeSpan.FromDays(1));
        await FreshListAsync(api);
    }

    [Fact]
    public async Task AnotherPerson_NeverGetsTheList_AndARevokedTokenIsRefusedAtOnce()
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);
        await AddAsync(web.App, "write 1,000 words of chapter 4");
        await CachedListAsync(api);

        using var bo = await ApiClient.StartAsync(web.App, "Bo");
        Assert.Empty((await ListAsync(bo)).Texts);

        var token = (await web.App.AsUserAsync(null, s => AccessTokenQueries.ListAsync(s, Ct))).Single(t => t.Name == "tests");
        await web.App.AsUserAsync(null, s => RevokeAccessToken.RunAsync(s, token.Id, Ct));
        using var refused = await api.GetAsync(List);
        Assert.Contains("revoked", await ApiClient.ProblemAsync(refused, 401), StringComparison.Ordinal);
    }
}
