using System.Net;

namespace Headway.Web.Tests.Hosting;

public sealed class SecurityHeaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/setup")]
    [InlineData("/account/sign-in")]
    [InlineData("/")]
    [InlineData("/not-found")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_SignedOut_CarriesTheSecurityHeaders(string path)
    {
        await using var web = await TestWeb.StartAsync();
        using var browser = web.App.Browser();

        using var response = await browser.GetAsync(path);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task EveryPage_SignedIn_CarriesTheSecurityHeaders_AndNoInlineScriptOrStyle()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var goal = await web.App.AsUserAsync(null, s => App.Goals.AddGoal.RunAsync(s, new("Run the Hometown 5K"), Ct));
        var action = await web.App.AsUserAsync(null, s => App.Actions.AddAction.RunAsync(s, new("sign up for the Hometown 5K"), Ct));

        foreach (var path in new[]
        {
            "/", "/add", "/review", "/goals/new", $"/goals/{goal.Value.Id}", $"/goals/{goal.Value.Id}/edit", $"/actions/{action.Value.Id}/edit",
            "/start", "/start?step=goals", "/start?step=actions", "/import", "/settings", "/settings/security", "/settings/tokens",
        })
        {
            using var response = await owner.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertSecurityHeaders(response);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
            Assert.DoesNotMatch("<script>|<script [^>]*>[^<]", html);
        }
    }

    [Fact]
    public async Task StyleSheet_IsServedToEveryone()
    {
        await using var web = await TestWeb.StartAsync();
        using var browser = web.App.Browser();
        var html = await browser.PageAsync("/not-found");
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(css/site[^\"]*\\.css)\"").Groups[1].Value;

        using var css = await browser.GetAsync("/" + href);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("--accent", await css.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
