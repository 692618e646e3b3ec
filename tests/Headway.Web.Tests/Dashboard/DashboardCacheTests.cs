using System.Globalization;
using System.Net;
using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Actions;
using Headway.Core.Goals;
using Headway.Web.Tests.Accounts;
using Headway.Web.Tests.Api;
using Headway.Web.Tests.Hosting;
using Headway.Web.Tests.Partners;

namespace Headway.Web.Tests.Dashboard;

/// <summary>
/// The dashboard is served from a cache while nothing it shows has changed, and never stale: each test first shows
/// that the page did come from the cache, then changes something the way one kind of writer does, and the very next
/// dashboard shows it.
/// </summary>
public sealed class DashboardCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Id(Goal goal) => goal.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The dashboard's HTML (decoded) and whether it came from the cache (the cache adds an Age header).</summary>
    private static async Task<(string Html, bool Cached)> DashboardAsync(Browser browser)
    {
        using var response = await browser.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /: {(int)response.StatusCode} {response.Headers.Location}");
        return (WebUtility.HtmlDecode(html), response.Headers.Age is not null);
    }

    /// <summary>Reads the dashboard until it comes from the cache (the first visit may mint the antiforgery cookie).</summary>
    private static async Task<string> CachedDashboardAsync(Browser browser)
    {
        for (var i = 0; i < 3; i++)
        {
            var (html, cached) = await DashboardAsync(browser);
            if (cached)
            {
                return html;
            }
        }

        Assert.Fail("The dashboard never came from the cache.");
        return "";
    }

    private static async Task<string> FreshDashboardAsync(Browser browser)
    {
        var (html, cached) = await DashboardAsync(browser);
        Assert.False(cached, "The dashboard came from the cache right after a change.");
        return html;
    }

    private static Task<Goal> GoalAsync(WebApp app, long? userId = null, string title = "Finish my novel") =>
        app.AsUserAsync(userId, async s => (await AddGoal.RunAsync(s, new NewGoal(title), Ct)).Value);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WebFormPost_ShowsOnTheNextDashboard_WithItsMessage(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        var goal = await GoalAsync(web.App);
        Assert.Contains("Finish my novel", await CachedDashboardAsync(owner), StringComparison.Ordinal);

        using var added = await owner.SubmitAsync("/add", "value=\"quick-add\"", ("Text", "write 1,000 words of chapter 4"), ("Goal", Id(goal)), ("Horizon", "now"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = WebUtility.HtmlDecode(await owner.FollowAsync(added));

        Assert.Contains("Added to Now: write 1,000 words of chapter 4", page, StringComparison.Ordinal);
        Assert.Contains($"Now <span class=\"muted\">(1/{HorizonRules.NowCap})", await FreshDashboardAsync(owner), StringComparison.Ordinal);
        // The message showed once; the page without it is cached again.
        Assert.DoesNotContain("Added to Now", await CachedDashboardAsync(owner), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApiWrite_ShowsOnTheNextDashboard(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        await GoalAsync(web.App);
        using var api = await ApiClient.StartAsync(web.App);
        Assert.DoesNotContain("call the printer", await CachedDashboardAsync(owner), StringComparison.Ordinal);

        using var created = await api.PostAsync("/api/v1/actions", new { text = "call the printer about the proofs", horizon = "week" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Contains("call the printer about the proofs", await FreshDashboardAsync(owner), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UseCaseRunOnTheDatabase_AsTheCommandLineDoes_ShowsOnTheNextDashboard(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        var goal = await GoalAsync(web.App);
        var action = await web.App.AsUserAsync(null, async s =>
            (await AddAction.RunAsync(s, new NewAction("write 1,000 words of chapter 4", Id(goal), Horizon.Now, KeepPassive: true), Ct)).Value);
        Assert.Contains("Nothing completed this week yet", await CachedDashboardAsync(owner), StringComparison.Ordinal);

        await web.App.AsUserAsync(null, s => CompleteAction.RunAsync(s, action.Id, "1,150 words", Ct));

        var page = await FreshDashboardAsync(owner);
        Assert.Contains("1 outcome", page, StringComparison.Ordinal);
        Assert.Contains($"Now <span class=\"muted\">(0/{HorizonRules.NowCap})", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WriteServedByAnotherInstance_ShowsOnThisInstancesDashboard(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        var cookies = new CookieContainer();
        (await web.App.OwnerAsync()).Dispose();
        using (var signIn = web.App.Browser(cookies))
        using (var signedIn = await signIn.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        await GoalAsync(web.App);
        using var here = web.App.Browser(cookies);
        using var there = web.AnotherInstance().Browser(cookies);
        Assert.Contains($"(1/{GoalRules.MaxActive} active)", await CachedDashboardAsync(here), StringComparison.Ordinal);

        using var posted = await there.SubmitAsync("/goals/new", "value=\"new-goal\"", ("Title", "Run the Hometown 5K"), ("Area", "Fitness"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var page = await FreshDashboardAsync(here);
        Assert.Contains("Run the Hometown 5K", page, StringComparison.Ordinal);
        Assert.Contains($"(2/{GoalRules.MaxActive} active)", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PartnersApproval_ShowsTheNewDateOnTheOwnersDashboard(Provider provider)
    {
        await using var world = await PartnerWebWorld.CreateAsync(provider);
        var (bo, _, _) = await world.PartnerAsync("bo@example.com", seesActions: true, world.Race);
        using var partner = bo;
        var (_, request) = await world.LockedWithRequestAsync(world.Race);
        Assert.Contains("(in 30 days)", await CachedDashboardAsync(world.Owner), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, await PartnerWebWorld.PostAsync(bo, $"/people/{world.OwnerId}/requests/{request.Id}/approve"));

        Assert.Contains("(in 44 days)", await FreshDashboardAsync(world.Owner), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task NextDay_AndNextWeek_ShowTheirOwnDashboard(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        var goal = await GoalAsync(web.App);
        await web.App.AsUserAsync(null, async s =>
        {
            var run = (await AddAction.RunAsync(s, new NewAction("write 1,000 words of chapter 4", Id(goal), Horizon.Now, KeepPassive: true), Ct)).Value;
            await CompleteAction.RunAsync(s, run.Id, "1,150 words", Ct);
            return (await CreateCommitment.RunAsync(s, new NewCommitment(Id(goal), null, s.Today.AddDays(2), "Book fair"), Ct)).Value;
        });
        var monday = await CachedDashboardAsync(owner);
        Assert.Contains("(in 2 days)", monday, StringComparison.Ordinal);
        Assert.Contains("1 outcome", monday, StringComparison.Ordinal);

        web.App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("(tomorrow)", await FreshDashboardAsync(owner), StringComparison.Ordinal);

        web.App.Clock.Advance(TimeSpan.FromDays(6));
        var nextWeek = await FreshDashboardAsync(owner);
        Assert.Contains("Nothing completed this week yet", nextWeek, StringComparison.Ordinal);
        Assert.DoesNotContain("Book fair", nextWeek, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CachedDashboard_IsNeverServedToAnotherPerson_NorAfterSignOutEverywhere(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var ana = await web.App.OwnerAsync();
        await GoalAsync(web.App);
        using var elsewhere = await web.App.SignInAsync();
        using var bo = await web.App.PersonAsync("bo@example.com");
        var boId = await web.App.CountAsync("SELECT user_id FROM identity_users WHERE email = 'bo@example.com'");
        await GoalAsync(web.App, boId, "Learn to sail");
        Assert.Contains("Finish my novel", await CachedDashboardAsync(ana), StringComparison.Ordinal);
        Assert.Contains("Finish my novel", await CachedDashboardAsync(elsewhere), StringComparison.Ordinal);

        var bos = await CachedDashboardAsync(bo);
        Assert.Contains("Learn to sail", bos, StringComparison.Ordinal);
        Assert.DoesNotContain("Finish my novel", bos, StringComparison.Ordinal);

        using var done = await ana.SubmitAsync("/settings/security", "value=\"sessions\"");
        Assert.Contains("Every other session has ended", await ana.FollowAsync(done), StringComparison.Ordinal);
        web.App.Clock.Advance(TimeSpan.FromSeconds(1));
        using var ended = await elsewhere.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/account/sign-in", ended.Headers.Location!.PathAndQueryOrOriginal(), StringComparison.Ordinal);
        Assert.Contains("Finish my novel", await CachedDashboardAsync(ana), StringComparison.Ordinal);
    }
}
