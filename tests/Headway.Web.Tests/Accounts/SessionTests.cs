using System.Net;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Accounts;

/// <summary>Two browsers signed in to one account (two cookie jars): what one does to the other's session.</summary>
public sealed class SessionTests
{
    private const string NewPassword = "seven lanterns by the old mill";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task AssertSignedInAsync(Browser browser) =>
        Assert.Contains("Time zone", await browser.PageAsync("/settings"), StringComparison.Ordinal);

    private static async Task AssertSentToSignInAsync(Browser browser)
    {
        using var home = await browser.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location!.PathAndQueryOrOriginal(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(Browser browser, string current, string next, string? confirm = null) =>
        browser.SubmitAsync("/settings/security", "value=\"password\"", ("CurrentPassword", current), ("NewPassword", next), ("ConfirmPassword", confirm ?? next));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PasswordChange_EndsTheOtherSession_KeepsThisOne_AndOnlyTheNewPasswordSignsIn(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var here = await web.App.OwnerAsync();
        using var elsewhere = await web.App.SignInAsync();
        await AssertSignedInAsync(elsewhere);

        using var changed = await ChangePasswordAsync(here, WebApp.OwnerPassword, NewPassword);
        Assert.Contains("Password changed", await here.FollowAsync(changed), StringComparison.Ordinal);
        web.App.Clock.Advance(TimeSpan.FromSeconds(1));

        await AssertSentToSignInAsync(elsewhere);
        await AssertSignedInAsync(here);
        using var old = web.App.Browser();
        using var refused = await old.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword));
        Assert.Contains("do not match", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        (await web.App.SignInAsync(password: NewPassword)).Dispose();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SignOutEverywhere_EndsTheOtherSession_AndKeepsThisOne(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var here = await web.App.OwnerAsync();
        using var elsewhere = await web.App.SignInAsync();
        await AssertSignedInAsync(elsewhere);

        using var done = await here.SubmitAsync("/settings/security", "value=\"sessions\"");
        Assert.Contains("Every other session has ended", await here.FollowAsync(done), StringComparison.Ordinal);
        web.App.Clock.Advance(TimeSpan.FromSeconds(1));

        await AssertSentToSignInAsync(elsewhere);
        await AssertSignedInAsync(here);
        // Signing in again works as before.
        using var back = await web.App.SignInAsync();
        await AssertSignedInAsync(back);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SignOutEverywhere_OnOneInstance_EndsTheSessionThatAnotherInstanceServes(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var here = await web.App.OwnerAsync();
        var cookies = new CookieContainer();
        using (var signIn = web.App.Browser(cookies))
        using (var signedIn = await signIn.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", WebApp.OwnerPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var elsewhere = web.AnotherInstance().Browser(cookies);
        await AssertSignedInAsync(elsewhere);

        using var done = await here.SubmitAsync("/settings/security", "value=\"sessions\"");
        Assert.Contains("Every other session has ended", await here.FollowAsync(done), StringComparison.Ordinal);

        // The other instance learns it from the database on the very next request: no cache of the stamp to expire.
        await AssertSentToSignInAsync(elsewhere);
        await AssertSignedInAsync(here);
    }

    [Theory]
    [InlineData(NewPassword, "a different confirmation", "differ")]
    [InlineData("passwordpassword", null, "commonly used")]
    [InlineData("too short", null, "at least 12")]
    [InlineData("a wrong current password", null, "current password is not right")]
    public async Task PasswordChange_Refused_ChangesNothing_AndEndsNoSession(string next, string? confirm, string message)
    {
        await using var web = await TestWeb.StartAsync();
        using var here = await web.App.OwnerAsync();
        using var elsewhere = await web.App.SignInAsync();
        var current = message.StartsWith("current", StringComparison.Ordinal) ? next : WebApp.OwnerPassword;
        var newPassword = message.StartsWith("current", StringComparison.Ordinal) ? NewPassword : next;

        using var refused = await ChangePasswordAsync(here, current, newPassword, confirm);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, await refused.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        web.App.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertSignedInAsync(elsewhere);
        (await web.App.SignInAsync()).Dispose();
    }

    [Fact]
    public async Task SecurityPage_NeedsSignIn_AndItsFormsNeedTheAntiforgeryToken()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        using var stranger = web.App.Browser();

        using var page = await stranger.GetAsync("/settings/security");
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.PathAndQueryOrOriginal(), StringComparison.Ordinal);
        using var forged = await owner.PostAsync("/settings/security", [("_handler", "sessions")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
