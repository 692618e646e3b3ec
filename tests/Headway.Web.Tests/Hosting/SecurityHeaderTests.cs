namespace Headway.Web.Tests.Hosting;

public sealed class SecurityHeaderTests : IDisposable
{
    private readonly WebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/not-found")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var browser = _app.Browser();

        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task StyleSheet_IsServed()
    {
        using var browser = _app.Browser();
        var ct = TestContext.Current.CancellationToken;
        var html = await browser.GetStringAsync(new Uri("/not-found", UriKind.Relative), ct);
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(css/site[^\"]*\\.css)\"").Groups[1].Value;

        using var css = await browser.GetAsync(new Uri("/" + href, UriKind.Relative), ct);

        Assert.True(css.IsSuccessStatusCode);
        Assert.Contains("--accent", await css.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
