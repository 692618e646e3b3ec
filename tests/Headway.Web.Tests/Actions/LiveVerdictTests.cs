using System.Net;
using Headway.Core.Analysis;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Actions;

public sealed class LiveVerdictTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verdict_ForPassiveText_IsTheFragmentWithEvidenceAndTheRewrite()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        const string text = "watch 3 youtube tutorials on story structure";

        using var response = await owner.GetAsync("/add/verdict?text=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("This looks passive", html, StringComparison.Ordinal);
        Assert.Contains("consumption", html, StringComparison.Ordinal);
        Assert.Contains(ActionAnalyzer.Analyze(text).Suggestion!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verdict_ForMeaningfulText_SaysSo_AndEmptyOrTooLongTextGetsNothing()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        var meaningful = await owner.PageAsync("/add/verdict?text=" + Uri.EscapeDataString("write 1,000 words for chapter 4 by fri"));
        using var empty = await owner.GetAsync("/add/verdict?text=%20");
        using var tooLong = await owner.GetAsync("/add/verdict?text=" + new string('a', 501));

        Assert.Contains("<strong>Meaningful</strong>", meaningful, StringComparison.Ordinal);
        Assert.Contains("specific-outcome", meaningful, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (empty.StatusCode, tooLong.StatusCode));
    }

    [Fact]
    public async Task Verdict_TypedText_IsEncoded_NotMarkup()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        var html = await owner.PageAsync("/add/verdict?text=" + Uri.EscapeDataString("read <img src=x onerror=alert(1)> about plot"));

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verdict_SignedOut_IsNotGiven()
    {
        await using var web = await TestWeb.StartAsync();
        (await web.App.OwnerAsync()).Dispose();
        using var stranger = web.App.Browser();

        using var response = await stranger.GetAsync("/add/verdict?text=write%20500%20words");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task QuickAdd_LoadsTheScript_AndMarksTheFieldAndItsLiveRegion()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        var page = await owner.PageAsync("/add");
        var src = System.Text.RegularExpressions.Regex.Match(page, "<script src=\"(js/live-verdict[^\"]*\\.js)\"").Groups[1].Value;
        using var script = await owner.GetAsync("/" + src);

        Assert.Contains("data-live-verdict=\"live-verdict\"", page, StringComparison.Ordinal);
        Assert.Contains("<div id=\"live-verdict\" class=\"live-verdict\" aria-live=\"polite\"></div>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("/add/verdict?text=", await script.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
