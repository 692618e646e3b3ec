using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Headway.App.Tokens;
using Headway.Web.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Headway.Web.Tests.Api;

public sealed partial class TokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TokensPage_ShowsTheSecretOnce_ListsItByPrefix_AndRevokingItLocksTheApiOut()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        string created;
        using (var response = await owner.SubmitAsync("/settings/tokens", "create-token", ("Name", "Laptop script")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            created = await response.Content.ReadAsStringAsync(Ct);
        }

        var secret = SecretField().Match(created).Groups[1].Value;
        Assert.StartsWith("hw_", secret, StringComparison.Ordinal);
        Assert.Equal(secret[..9], (await web.App.AsUserAsync(null, s => AccessTokenQueries.ListAsync(s, Ct))).Single().Prefix);
        Assert.Equal(1, await web.App.CountAsync($"SELECT COUNT(*) FROM access_tokens WHERE token_hash = '{AccessTokenQueries.Hash(secret)}'"));

        var page = await owner.PageAsync("/settings/tokens");
        Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        Assert.Contains(secret[..9], page, StringComparison.Ordinal);

        using var api = web.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var ok = await api.GetAsync(new Uri("/api/v1/goals", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var id = (await web.App.AsUserAsync(null, s => AccessTokenQueries.ListAsync(s, Ct))).Single().Id;
        (await owner.SubmitAsync("/settings/tokens", $"action=\"/settings/tokens/{id}/revoke\"")).Dispose();

        using var refused = await api.GetAsync(new Uri("/api/v1/goals", UriKind.Relative), Ct);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("revoked", await ApiClient.ProblemAsync(refused, 401), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_Is401SayingWhen()
    {
        await using var web = await TestWeb.StartAsync();
        var secret = await web.App.AsUserAsync(null, async s => (await CreateAccessToken.RunAsync(s, "week", s.NowUtc.AddDays(7), Ct)).Value.Secret);
        using var api = web.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        web.App.Clock.Advance(TimeSpan.FromDays(8));

        Assert.Contains("expired on 2027-03-08", await ApiClient.ProblemAsync(await api.GetAsync(new Uri("/api/v1/goals", UriKind.Relative), Ct), 401), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInCookieWithoutAToken_Is401_NotAPage()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        using var response = await owner.GetAsync("/api/v1/goals");

        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("/settings/tokens", await ApiClient.ProblemAsync(response, 401), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"secret\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex SecretField();
}
