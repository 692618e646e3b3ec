using System.Net;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
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

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TheCount_IsSharedByInstances_AndStartsAgainTheNextMinute(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        (await web.App.OwnerAsync()).Dispose();
        var other = web.AnotherInstance();

        // Attempts at one account alternate between two instances on one database: the limit counts them together.
        for (var i = 1; i <= SignInLimits.PerAccount; i++)
        {
            using var allowed = await AttemptAsync(i % 2 == 0 ? web.App : other, $"203.0.113.{i}", "bo@example.com");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await AssertLimitedAsync(await AttemptAsync(web.App, "203.0.113.100", "bo@example.com"));
        await AssertLimitedAsync(await AttemptAsync(other, "203.0.113.101", "bo@example.com"));

        // Retry-After says how long is left of the minute; once it is over, guessing may go on (at the same pace).
        web.App.Clock.Advance(TimeSpan.FromSeconds(45));
        using (var later = await AttemptAsync(web.App, "203.0.113.102", "bo@example.com"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, later.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(15), later.Headers.RetryAfter?.Delta);
        }

        web.App.Clock.Advance(TimeSpan.FromSeconds(15));
        using var nextMinute = await AttemptAsync(web.App, "203.0.113.103", "bo@example.com");
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);

        // The counts name no one: keys are stored as hashes, and minutes that can refuse nothing are purged.
        Assert.True(await web.App.CountAsync("SELECT COUNT(*) FROM sign_in_counters") > 0);
        web.App.Clock.Advance(TimeSpan.FromMinutes(2));
        using (var afterwards = await AttemptAsync(web.App, "203.0.113.104", "bo@example.com"))
        {
            Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        }

        Assert.Equal(2, await web.App.CountAsync("SELECT COUNT(*) FROM sign_in_counters"));
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM sign_in_counters WHERE key_hash LIKE '%@%' OR key_hash LIKE '%.%'"));
        Assert.Equal(0, await web.App.CountAsync($"SELECT COUNT(*) FROM sign_in_counters WHERE minute < {(web.App.Clock.GetUtcNow().ToUnixTimeSeconds() / 60) - 1}"));
    }
}
