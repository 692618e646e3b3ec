using System.Net;
using Headway.Web.Accounts;

namespace Headway.Web.Tests.Hosting;

/// <summary>Forwarded headers are believed from the proxies named in Headway:TrustedProxies, and from no one else.</summary>
public sealed class TrustedProxiesTests
{
    private const string Proxy = "10.0.1.7";

    private static async Task<HttpResponseMessage> AttemptAsync(WebApp app, string from, string forwardedFor, int i)
    {
        using var browser = app.Browser();
        browser.Client.DefaultRequestHeaders.Add(WebApp.ClientAddressHeader, from);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return await browser.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", $"person{i}@example.com"), ("Password", "a wrong guess of a password"));
    }

    [Fact]
    public async Task BehindATrustedProxy_TheThrottleCountsVisitors_NotTheProxy()
    {
        await using var web = await TestWeb.StartAsync();
        web.App.Settings["Headway:TrustedProxies"] = "10.0.1.0/24";
        (await web.App.OwnerAsync()).Dispose();

        // More attempts than one client may make in a minute, all through the proxy, each from another visitor.
        for (var i = 1; i <= SignInLimits.PerClient + 5; i++)
        {
            using var response = await AttemptAsync(web.App, Proxy, $"203.0.113.{i}", i);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.0.1.0/24")]
    public async Task AVisitorWritingTheHeaderThemselves_IsStillOneClient(string? trusted)
    {
        await using var web = await TestWeb.StartAsync();
        web.App.Settings["Headway:TrustedProxies"] = trusted;
        (await web.App.OwnerAsync()).Dispose();

        for (var i = 1; i <= SignInLimits.PerClient; i++)
        {
            using var allowed = await AttemptAsync(web.App, "198.51.100.7", $"203.0.113.{i}", i);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await AttemptAsync(web.App, "198.51.100.7", "203.0.113.99", 99);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Theory]
    [InlineData(Proxy, true)]
    [InlineData("198.51.100.7", false)]
    public async Task TlsEndedAtATrustedProxy_MakesCookiesSecure(string from, bool secure)
    {
        await using var web = await TestWeb.StartAsync();
        web.App.Settings["Headway:TrustedProxies"] = "10.0.1.0/24";
        using var browser = web.App.Browser();
        browser.Client.DefaultRequestHeaders.Add(WebApp.ClientAddressHeader, from);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var page = await browser.GetAsync("/setup");

        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
