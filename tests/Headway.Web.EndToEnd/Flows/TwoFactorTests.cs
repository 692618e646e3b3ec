using Headway.Web.EndToEnd.Hosting;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Headway.Web.EndToEnd.Flows;

/// <summary>
/// Two-factor sign-in as a person sets it up in the browser: the key shown as a QR code and as text, turned on with a
/// code from an authenticator app (Otp.NET here, independently of the server's own code), the recovery codes shown
/// once, and the next sign-in asking for a code, answered with a recovery code. Each page on the way is checked with
/// axe-core, among them the code step of signing in, which no main page reaches.
/// </summary>
public sealed class TwoFactorTests(Chromium chromium)
{
    private const string Email = "kit@example.com";
    private const string Password = "a lighthouse keeper's logbook";

    [Fact]
    public async Task Owner_TurnsOnTwoFactor_AndTheNextSignInAsksForACode()
    {
        await using var site = await LiveSite.StartAsync();
        await using var kit = await Person.OpenAsync(chromium.Browser(), site.Address);
        await kit.SetsUpHeadwayAsync(Email, Password);

        await kit.GoToAsync("/settings/security");
        await kit.PressAsync("Set up two-factor");
        await kit.SeesAsync("Type the six-digit code the app shows.");
        var qr = kit.Page.GetByRole(AriaRole.Img, new() { Name = "QR code holding the key below, for an authenticator app" });
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<int>("image => image.naturalWidth") > 0, "The QR code did not draw.");
        await kit.ScreenshotAsync("security-two-factor-setup");

        // The phone's app reads the key typed out on the page.
        var key = (await kit.Page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var app = new Totp(Base32Encoding.ToBytes(key));
        await kit.FillAsync("Code from your app", app.ComputeTotp(DateTime.UtcNow));
        await kit.PressAsync("Turn two-factor on");
        await kit.SeesAsync("Save these recovery codes now: they are shown only once.");
        var codes = await kit.Page.Locator(".recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        await kit.ScreenshotAsync("security-recovery-codes");
        await kit.FollowAsync("I have saved them");
        await kit.SeesAsync("On: signing in asks for a code from your authenticator app after your password.");

        // Signed out, the password alone leads to the code step; a recovery code opens the account.
        await kit.PressAsync("Sign out");
        await kit.SeesAsync("Sign in");
        await kit.FillAsync("Email", Email);
        await kit.FillAsync("Password", Password);
        await kit.PressAsync("Sign in");
        await kit.SeesAsync("Type the six-digit code your authenticator app shows for Headway.");
        await kit.ScreenshotAsync("two-factor");
        await kit.FillAsync("Code", codes[0]);
        await kit.PressAsync("Sign in");
        await kit.SeesAsync("What matters to you?");
        await kit.GoToAsync("/settings/security");
        await kit.SeesAsync("9 recovery codes are left.");
    }
}
