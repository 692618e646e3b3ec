using System.Net;
using System.Text.RegularExpressions;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Accounts;

public sealed partial class TwoFactorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PasswordAsync(Browser browser, string password = WebApp.OwnerPassword) =>
        browser.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", WebApp.OwnerEmail), ("Password", password));

    private static Task<HttpResponseMessage> CodeAsync(Browser browser, string code, bool remember = false) =>
        remember
            ? browser.SubmitAsync("/account/sign-in/two-factor", "value=\"two-factor\"", ("Code", code), ("RememberBrowser", "true"))
            : browser.SubmitAsync("/account/sign-in/two-factor", "value=\"two-factor\"", ("Code", code));

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return await response.Content.ReadAsStringAsync(Ct);
        }
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Setup_ShowsTheKeyAndQrCode_ConfirmsWithACode_AndShowsTenRecoveryCodesOnce(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();

        var started = await TextAsync(await owner.SubmitAsync("/settings/security", "value=\"two-factor-start\""));
        var key = AuthenticatorApp.KeyOn(started);
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        var app = new AuthenticatorApp(key);
        // The QR code holds the same key as an otpauth:// link, drawn as a PNG image (no inline style for the CSP).
        Assert.Contains($"href=\"otpauth://totp/Headway:ana%40example.com?secret={app.Key}&amp;issuer=Headway&amp;digits=6&amp;period=30\"", started, StringComparison.Ordinal);
        var png = Convert.FromBase64String(WebUtility.HtmlDecode(QrImage().Match(started).Groups[1].Value));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.DoesNotContain("style=", started, StringComparison.Ordinal);

        // A wrong code leaves it off, with the same key still on show (the app already holds it).
        var wrong = await TextAsync(await owner.SubmitAsync("/settings/security", "value=\"two-factor-confirm\"", ("Code", app.WrongCode())));
        Assert.Contains("does not match", wrong, StringComparison.Ordinal);
        Assert.Equal(key, AuthenticatorApp.KeyOn(wrong));
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM identity_users WHERE two_factor_enabled"));

        var confirmed = await TextAsync(await owner.SubmitAsync("/settings/security", "value=\"two-factor-confirm\"", ("Code", app.CodeNow())));
        var codes = AuthenticatorApp.CodesOn(confirmed);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM identity_users WHERE two_factor_enabled"));

        // Shown once: the page afterwards says how many are left, not what they are; and this session goes on.
        var later = await owner.PageAsync("/settings/security");
        Assert.Empty(AuthenticatorApp.CodesOn(later));
        Assert.Contains("10 recovery codes are left", later, StringComparison.Ordinal);
        Assert.DoesNotContain("authenticator-key", later, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SignIn_WithTwoFactorOn_AsksForTheCode_AfterThePassword(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        AuthenticatorApp app;
        using (var owner = await web.App.OwnerAsync())
        {
            app = await AuthenticatorApp.EnableAsync(owner);
        }

        using var browser = web.App.Browser();
        using var password = await PasswordAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/account/sign-in/two-factor", password.Headers.Location!.PathAndQueryOrOriginal());
        var step = SetCookie(password, "headway-2fa");
        Assert.Contains("httponly", step, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", step, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password.Headers.GetValues("Set-Cookie"), c => c.StartsWith("headway=", StringComparison.Ordinal));

        // The password alone opens nothing.
        using (var home = await browser.GetAsync("/settings"))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        }

        Assert.Contains("not right", await TextAsync(await CodeAsync(browser, app.WrongCode())), StringComparison.Ordinal);
        using var code = await CodeAsync(browser, app.CodeNow());
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Contains("httponly", SetCookie(code, "headway"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Time zone", await browser.PageAsync("/settings"), StringComparison.Ordinal);
        // A right code resets the failures the wrong one counted.
        Assert.Equal(0, await web.App.CountAsync("SELECT access_failed_count FROM identity_users"));
    }

    [Fact]
    public async Task CodeStep_WithoutThePassword_SendsBackToSignIn()
    {
        await using var web = await TestWeb.StartAsync();
        (await web.App.OwnerAsync()).Dispose();
        using var stranger = web.App.Browser();

        using var response = await stranger.GetAsync("/account/sign-in/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location!.PathAndQueryOrOriginal());
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_TypedAnyHowButOnlyOnce()
    {
        await using var web = await TestWeb.StartAsync();
        AuthenticatorApp app;
        using (var owner = await web.App.OwnerAsync())
        {
            app = await AuthenticatorApp.EnableAsync(owner);
        }

        var code = app.RecoveryCodes[3];
        using var first = web.App.Browser();
        (await PasswordAsync(first)).Dispose();
        using (var used = await CodeAsync(first, " " + code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()))
        {
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        }

        Assert.Contains("9 recovery codes are left", await first.PageAsync("/settings/security"), StringComparison.Ordinal);
        using var second = web.App.Browser();
        (await PasswordAsync(second)).Dispose();
        Assert.Contains("not right", await TextAsync(await CodeAsync(second, code)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCodes_AppOrRecovery_LockTheAccountAfterFive()
    {
        await using var web = await TestWeb.StartAsync();
        AuthenticatorApp app;
        using (var owner = await web.App.OwnerAsync())
        {
            app = await AuthenticatorApp.EnableAsync(owner);
        }

        // An attacker who knows the password: it does not wipe the count of wrong codes while two-factor is on.
        using var attacker = web.App.Browser();
        (await PasswordAsync(attacker)).Dispose();
        for (var i = 1; i <= 5; i++)
        {
            if (i == 4)
            {
                (await PasswordAsync(attacker)).Dispose();
            }

            // Alternating kinds: each counts once, so the fifth wrong answer, not an earlier one, locks.
            var guess = i % 2 == 0 ? "ABCDE-FGHJK" : app.WrongCode();
            Assert.Contains(i < 5 ? "not right" : "locked", await TextAsync(await CodeAsync(attacker, guess)), StringComparison.Ordinal);
        }

        Assert.Contains("locked", await TextAsync(await CodeAsync(attacker, app.CodeNow())), StringComparison.Ordinal);
        using var owner2 = web.App.Browser();
        Assert.Contains("locked", await TextAsync(await PasswordAsync(owner2)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RememberedBrowser_SkipsTheCode_UntilSignOutEverywhere()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var app = await AuthenticatorApp.EnableAsync(owner);
        using var laptop = web.App.Browser();
        (await PasswordAsync(laptop)).Dispose();

        using (var remembered = await CodeAsync(laptop, app.CodeNow(), remember: true))
        {
            var cookie = SetCookie(remembered, "headway-2fa-remember");
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        }

        (await laptop.SubmitAsync("/settings", "action=\"/account/sign-out\"")).Dispose();
        using (var again = await PasswordAsync(laptop))
        {
            Assert.Equal("/", again.Headers.Location!.PathAndQueryOrOriginal());
        }

        (await laptop.SubmitAsync("/settings", "action=\"/account/sign-out\"")).Dispose();
        web.App.Clock.Advance(TimeSpan.FromSeconds(1));
        (await owner.SubmitAsync("/settings/security", "value=\"sessions\"")).Dispose();
        using var afterwards = await PasswordAsync(laptop);
        Assert.Equal("/account/sign-in/two-factor", afterwards.Headers.Location!.PathAndQueryOrOriginal());
    }

    [Fact]
    public async Task TurningOff_NeedsACodeOrThePassword_ThenThePasswordAloneSignsIn()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var app = await AuthenticatorApp.EnableAsync(owner);

        var refused = await TextAsync(await owner.SubmitAsync("/settings/security", "value=\"two-factor-off\"", ("OffProof", "not my password at all")));
        Assert.Contains("neither a current code", refused, StringComparison.Ordinal);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM identity_users WHERE two_factor_enabled"));

        using var off = await owner.SubmitAsync("/settings/security", "value=\"two-factor-off\"", ("OffProof", app.CodeNow()));
        Assert.Contains("Two-factor sign-in is off", await owner.FollowAsync(off), StringComparison.Ordinal);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM identity_users WHERE two_factor_enabled"));
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM identity_user_tokens"));
        using var other = web.App.Browser();
        using var signedIn = await PasswordAsync(other);
        Assert.Equal("/", signedIn.Headers.Location!.PathAndQueryOrOriginal());
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var app = await AuthenticatorApp.EnableAsync(owner);

        var fresh = AuthenticatorApp.CodesOn(await TextAsync(await owner.SubmitAsync("/settings/security", "value=\"recovery-codes\"", ("CodesProof", WebApp.OwnerPassword))));

        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(app.RecoveryCodes));
        using var other = web.App.Browser();
        (await PasswordAsync(other)).Dispose();
        Assert.Contains("not right", await TextAsync(await CodeAsync(other, app.RecoveryCodes[0])), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(other, fresh[0])).StatusCode);
    }

    [GeneratedRegex("<img class=\"qr\" src=\"data:image/png;base64,([^\"]+)\"")]
    private static partial Regex QrImage();
}
