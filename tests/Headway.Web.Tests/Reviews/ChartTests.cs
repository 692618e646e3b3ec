using System.Globalization;
using System.Net;
using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Actions;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Reviews;

public sealed class ChartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> NovelWithAnOutcomeAsync(WebApp app) => await app.AsUserAsync(null, async s =>
    {
        var novel = (await AddGoal.RunAsync(s, new("Finish my novel"), Ct)).Value;
        var write = (await AddAction.RunAsync(s, new NewAction("write 1,000 words", novel.Id.ToString(CultureInfo.InvariantCulture), Horizon.Now), Ct)).Value;
        await CompleteAction.RunAsync(s, write.Id, "1,150 words", Ct);
        return novel.Id;
    });

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Charts_AreSvgDrawnFromTheOwnersData_AndAnotherPersonGetsTheirOwnOr404(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        var novel = await NovelWithAnOutcomeAsync(web.App);
        using var bo = await web.App.PersonAsync("bo@example.com");

        foreach (var path in new[] { "/review/charts/outcomes.svg", "/review/charts/progress.svg?week=2027-03-01", $"/goals/{novel}/outcomes.svg" })
        {
            using var response = await owner.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            var svg = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.Contains("viewBox=", svg, StringComparison.Ordinal);
            Assert.Contains("<text", svg, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
        }

        // The legend names the owner's goal; Bo's own chart of the same address does not.
        Assert.Contains("Finish my novel", await owner.PageAsync("/review/charts/outcomes.svg"), StringComparison.Ordinal);
        Assert.DoesNotContain("Finish my novel", await bo.PageAsync("/review/charts/outcomes.svg"), StringComparison.Ordinal);
        using var foreign = await bo.GetAsync($"/goals/{novel}/outcomes.svg");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Charts_SignedOut_LeadToSignIn_AndABadWeekIsABadRequest()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        using var stranger = web.App.Browser();

        using var signedOut = await stranger.GetAsync("/review/charts/outcomes.svg");
        using var badWeek = await owner.GetAsync("/review/charts/progress.svg?week=someday");

        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badWeek.StatusCode);
    }

    [Fact]
    public async Task ReviewPage_ShowsTheChartsWithAltTextAndTheSameNumbersInATable()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        await NovelWithAnOutcomeAsync(web.App);

        var page = WebUtility.HtmlDecode(await owner.PageAsync("/review"));

        Assert.Contains("<img src=\"/review/charts/outcomes.svg?week=2027-03-01\"", page, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/review/charts/progress.svg?week=2027-03-01\"", page, StringComparison.Ordinal);
        Assert.Contains("alt=\"Outcomes per goal per week, 12 weeks to 1 Mar: 1 outcome in all.", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Finish my novel</th>", page, StringComparison.Ordinal);
        // This week's row: 1 completed, 1 outcome, 100%, 1 for the novel.
        Assert.Matches("<th scope=\"row\">1 Mar</th>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>100%</td>\\s*<td>1</td>", page);
    }

    [Fact]
    public async Task GoalPage_ShowsItsOutcomesOverTime()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var novel = await NovelWithAnOutcomeAsync(web.App);

        var page = WebUtility.HtmlDecode(await owner.PageAsync($"/goals/{novel}"));

        Assert.Contains($"<img src=\"/goals/{novel}/outcomes.svg\"", page, StringComparison.Ordinal);
        Assert.Contains("alt=\"Outcomes per week for Finish my novel over the last 12 weeks: 1 outcome in all.", page, StringComparison.Ordinal);
    }
}
