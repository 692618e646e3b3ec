using System.Net;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Settings;

public sealed class SettingsPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SaveAsync(Browser browser, string name, string zone, string day) =>
        browser.SubmitAsync("/settings", "value=\"settings\"", ("Name", name), ("TimeZone", zone), ("WeekStart", day));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Settings_ChangeNameTimeZoneAndFirstDay_OfTheSignedInPersonOnly(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        using var bo = await web.App.PersonAsync("bo@example.com");

        var page = WebUtility.HtmlDecode(await bo.FollowAsync(await SaveAsync(bo, "Bo Lindqvist", "Europe/Stockholm", "sunday")));

        Assert.Contains("Saved: Bo Lindqvist, Europe/Stockholm, weeks start on Sunday.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Europe/Stockholm\"", page, StringComparison.Ordinal);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM users WHERE name = 'Bo Lindqvist' AND time_zone = 'Europe/Stockholm' AND week_start = 0"));
        // The owner's settings are untouched.
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM users WHERE id = (SELECT MIN(id) FROM users) AND time_zone = 'Europe/Stockholm'"));
    }

    [Theory]
    [InlineData("Ana", "Mars/Olympus_Mons", "monday", "'Mars/Olympus_Mons' is not a known time zone")]
    [InlineData("Ana", "Europe/Berlin", "funday", "'funday' is not a weekday")]
    [InlineData(" ", "Europe/Berlin", "monday", "The name is empty")]
    public async Task BadSettings_AreExplained_AndChangeNothing(string name, string zone, string day, string message)
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var before = await web.App.CountAsync("SELECT COUNT(*) FROM users WHERE time_zone = 'Europe/Berlin'");

        using var response = await SaveAsync(owner, name, zone, day);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(before, await web.App.CountAsync("SELECT COUNT(*) FROM users WHERE time_zone = 'Europe/Berlin'"));
    }

    [Fact]
    public async Task Settings_LinkToAccessTokens_AndTheNavLinksEveryMainPage()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        var page = await owner.PageAsync("/settings");

        Assert.Contains("href=\"/settings/tokens\"", page, StringComparison.Ordinal);
        foreach (var link in new[] { "href=\"/\"", "href=\"/add\"", "href=\"/review\"", "href=\"/import\"", "href=\"/settings\" class=\"current\" aria-current=\"page\"" })
        {
            Assert.Contains(link, page, StringComparison.Ordinal);
        }
    }
}
