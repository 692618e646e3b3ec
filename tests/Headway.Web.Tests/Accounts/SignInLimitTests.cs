using System.Net;
using Headway.Web.Accounts;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Accounts;

public sealed class SignInLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> AttemptAsync(WebApp app, string client, string email, string password = "a wrong guess of a password")
    {
        using var browser = app.Browser();
        browser.Client.DefaultRequestHeaders.Add(WebApp.ClientAddressHeader, client);
        return await browser.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", email), ("Password", password));
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(SignInLimits.Message, await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal(TimeSpan.FromMinutes(1), response.Headers.RetryAfter?.Delta);
        }
    }

    [Fact]
    public async Task OneAccount_TriedFromManyAddresses_IsLimited_OtherAccountsAreNot()
    {
        await using var web = await TestWeb.StartAsync();
        (await web.App.OwnerAsync()).Dispose();

        for (var i = 1; i <= SignInLimits.PerAccount; i++)
        {
            using var allowed = await AttemptAsync(web.App, $"203.0.113.{i}", WebApp.OwnerEmail);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        // The same account however it is typed.
        await AssertLimitedAsync(await AttemptAsync(web.App, "203.0.113.200", "  ANA@example.com "));
        using var other = await AttemptAsync(web.App, "203.0.113.201", "bo@example.com");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task OneAddress_TryingManyAccounts_IsLimited_OtherAddressesAreNot()
    {
        await using var web = await TestWeb.StartAsync();
        (await web.App.OwnerAsync()).Dispose();

        for (var i = 1; i <= SignInLimits.PerClient; i++)
        {
            using var allowed = await AttemptAsync(web.App, "198.51.100.7", $"person{i}@example.com");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await AssertLimitedAsync(await AttemptAsync(web.App, "198.51.100.7", WebApp.OwnerEmail, WebApp.OwnerPassword));
        using var elsewhere = await AttemptAsync(web.App, "198.51.100.8", WebApp.OwnerEmail, WebApp.OwnerPassword);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task CodeStep_IsLimitedPerAccount_ButReadingThePagesIsNot()
    {
        await using var web = await TestWeb.StartAsync();
        using (var owner = await web.App.OwnerAsync())
        {
            await AuthenticatorApp.EnableAsync(owner);
        }

        using var attacker = web.App.Browser();
        (await attacker.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword))).Dispose();
        for (var i = 1; i <= SignInLimits.PerAccount - 1; i++)
        {
            attacker.Client.DefaultRequestHeaders.Remove(WebApp.ClientAddressHeader);
            attacker.Client.DefaultRequestHeaders.Add(WebApp.ClientAddressHeader, $"192.0.2.{i}");
            using var guess = await attacker.SubmitAsync("/account/sign-in/two-factor", "value=\"two-factor\"", ("Code", "000000"));
            Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        }

        // The password step counted once for this account (by its email), the code step counts by account id.
        using var tenth = await attacker.SubmitAsync("/account/sign-in/two-factor", "value=\"two-factor\"", ("Code", "000000"));
        Assert.Equal(HttpStatusCode.OK, tenth.StatusCode);
        await AssertLimitedAsync(await attacker.SubmitAsync("/account/sign-in/two-factor", "value=\"two-factor\"", ("Code", "000000")));
        using var page = await attacker.GetAsync("/account/sign-in/two-factor");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
