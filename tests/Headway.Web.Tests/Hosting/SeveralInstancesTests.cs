using System.Net;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Hosting;
using Headway.Web.Tests.Accounts;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headway.Web.Tests.Hosting;

/// <summary>Two servers on one database, as behind a load balancer without sticky sessions.</summary>
public sealed class SeveralInstancesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CookieAndFormToken_FromOneInstance_AreAcceptedByAnother(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        var cookies = new CookieContainer();
        using var onFirst = web.App.Browser(cookies);
        using (var created = await onFirst.SubmitAsync("/setup", "value=\"setup\"", ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword), ("Confirm", WebApp.OwnerPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var form = await onFirst.PageAsync("/goals/new");
        var second = web.AnotherInstance();
        using var onSecond = second.Browser(cookies);

        Assert.Contains("Time zone", await onSecond.PageAsync("/settings"), StringComparison.Ordinal);
        using var posted = await onSecond.SubmitFormAsync(form, "/goals/new", "value=\"new-goal\"", ("Title", "Run the Hometown 5K"), ("Area", "Fitness"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM goals WHERE title = 'Run the Hometown 5K'"));

        // The channel is the database, not this machine's ~/.aspnet: both instances read their keys from the table.
        Assert.True(await web.App.CountAsync("SELECT COUNT(*) FROM data_protection_keys") >= 1);
        foreach (var app in new[] { web.App, second })
        {
            var keys = app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;
            Assert.IsType<SharedKeys.DatabaseKeys>(keys.XmlRepository);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WrongPasswords_SpreadOverTwoInstances_LockTheAccountOnBoth(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        (await web.App.OwnerAsync()).Dispose();
        var second = web.AnotherInstance();

        for (var i = 1; i <= 5; i++)
        {
            using var browser = (i % 2 == 0 ? second : web.App).Browser();
            using var wrong = await browser.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", $"wrong guess number {i}"));
            Assert.Contains(i < 5 ? "do not match" : "locked", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        foreach (var app in new[] { web.App, second })
        {
            using var browser = app.Browser();
            using var right = await browser.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword));
            Assert.Contains("locked", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TwoFactorSetUpOnOneInstance_IsAskedForByTheOther()
    {
        await using var web = await TestWeb.StartAsync();
        using (var owner = await web.App.OwnerAsync())
        {
            await AuthenticatorApp.EnableAsync(owner);
        }

        using var browser = web.AnotherInstance().Browser();
        using var password = await browser.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword));

        Assert.Equal("/account/sign-in/two-factor", password.Headers.Location!.PathAndQueryOrOriginal());
    }
}
