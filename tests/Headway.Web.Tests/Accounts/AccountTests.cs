using System.Net;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Headway.Web.Tests.Accounts;

public sealed class AccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstRun_SendsEveryoneToSetup()
    {
        await using var web = await TestWeb.StartAsync();
        using var browser = web.App.Browser();

        using var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location!.PathAndQueryOrOriginal(), StringComparison.Ordinal);
        using var signIn = await browser.GetAsync("/account/sign-in");
        Assert.Equal("/setup", signIn.Headers.Location!.PathAndQueryOrOriginal());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Setup_CreatesTheOwnerOfTheCommandLinesData_AndThenIsGone(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        // The command line was used before the web app: its local owner already has a goal.
        await web.App.AsUserAsync(null, s => AddGoal.RunAsync(s, new("Finish the first draft of my novel"), Ct));
        using var browser = web.App.Browser();

        using var created = await browser.SubmitAsync("/setup", "value=\"setup\"",
            ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword), ("Confirm", WebApp.OwnerPassword));
        var dashboard = await browser.FollowAsync(created);

        Assert.Contains("Finish the first draft of my novel", dashboard, StringComparison.Ordinal);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM users"));
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM identity_users WHERE user_id = (SELECT MIN(id) FROM users)"));
        using var again = await browser.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var stranger = web.App.Browser();
        using var strangerSetup = await stranger.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, strangerSetup.StatusCode);
    }

    [Fact]
    public async Task Setup_PostedAgainByAStranger_CreatesNoSecondAccount()
    {
        await using var web = await TestWeb.StartAsync();
        using var stranger = web.App.Browser();
        var form = await stranger.PageAsync("/setup");
        using var owner = await web.App.OwnerAsync();
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var late = await stranger.PostAsync("/setup", [("_handler", "setup"), ("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
            ("Email", "mallory@example.com"), ("Password", "mallory's own long password"), ("Confirm", "mallory's own long password")]);

        Assert.NotEqual(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM identity_users"));
    }

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("passwordpassword", "commonly used")]
    [InlineData("QWERTYUIOP123", "commonly used")]
    public async Task Setup_WeakOrCommonPassword_IsRefused_AndNothingIsCreated(string password, string message)
    {
        await using var web = await TestWeb.StartAsync();
        using var browser = web.App.Browser();

        using var response = await browser.SubmitAsync("/setup", "value=\"setup\"", ("Email", WebApp.OwnerEmail), ("Password", password), ("Confirm", password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM identity_users"));
    }

    [Fact]
    public async Task Setup_LongPassphrase_IsAccepted()
    {
        await using var web = await TestWeb.StartAsync();
        using var browser = web.App.Browser();
        var passphrase = string.Join(' ', Enumerable.Repeat("correct horse battery", 4)) + " staple and then some";

        using var response = await browser.SubmitAsync("/setup", "value=\"setup\"", ("Email", WebApp.OwnerEmail), ("Password", passphrase), ("Confirm", passphrase));

        Assert.True(passphrase.Length >= 64);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        await using var web = await TestWeb.StartAsync();
        (await web.App.OwnerAsync()).Dispose();
        using var attacker = web.App.Browser();

        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await attacker.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", $"wrong guess number {i}"));
            // The fifth failure is the one that locks the account, and says so.
            Assert.Contains(i < 5 ? "do not match" : "locked", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var right = await attacker.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ThenSignOut_EndsTheSession()
    {
        await using var web = await TestWeb.StartAsync();
        (await web.App.OwnerAsync()).Dispose();
        // With a goal the dashboard is shown; a new user without any would be led to goal discovery.
        await web.App.AsUserAsync(null, s => AddGoal.RunAsync(s, new("Run the Hometown 5K"), Ct));
        using var browser = web.App.Browser();

        using var signedIn = await browser.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword));
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("headway=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("This week", await browser.FollowAsync(signedIn), StringComparison.Ordinal);

        // A forged sign-out (no form, or a form without the token) ends nothing.
        using (var bare = await browser.Client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), null, Ct))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, bare.StatusCode);
        }

        using (var forged = await browser.Client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), new FormUrlEncodedContent([]), Ct))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        }

        Assert.Contains("This week", await browser.PageAsync("/"), StringComparison.Ordinal);

        using var signedOut = await browser.SubmitAsync("/", "action=\"/account/sign-out\"");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/add")]
    [InlineData("/review")]
    [InlineData("/goals/new")]
    [InlineData("/goals/1")]
    [InlineData("/settings/security")]
    public async Task EveryPage_NeedsSignIn(string path)
    {
        await using var web = await TestWeb.StartAsync();
        (await web.App.OwnerAsync()).Dispose();
        using var stranger = web.App.Browser();

        using var response = await stranger.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQueryOrOriginal(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionButtons_NeedSignIn()
    {
        await using var web = await TestWeb.StartAsync();
        (await web.App.OwnerAsync()).Dispose();
        using var stranger = web.App.Browser();

        using var response = await stranger.PostAsync("/actions/1/done", [("result", "done")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQueryOrOriginal(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentityModel_IsTheOneTheMigrationsWereMadeFrom()
    {
        await using var web = await TestWeb.StartAsync();
        using var scope = web.App.Services.CreateScope();
        using var runtime = scope.ServiceProvider.GetRequiredService<HeadwayDbContext>();
        using var designTime = Migrations.Sqlite.DesignTimeFactory.Create("Data Source=:memory:");

        Assert.Equal(Tables(designTime), Tables(runtime));
    }

    private static List<string> Tables(HeadwayDbContext db) =>
        [.. db.Model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}:{p.GetMaxLength()}")).Order(StringComparer.Ordinal)];
}

internal static class UriText
{
    public static string PathAndQueryOrOriginal(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
