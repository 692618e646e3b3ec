using System.Net;
using System.Text.RegularExpressions;
using Headway.Web.Tests.Hosting;
using OtpNet;

namespace Headway.Web.Tests.Accounts;

/// <summary>
/// What a person's phone does: reads the key the security page shows and makes codes from it, computed here with
/// Otp.NET (RFC 6238), independently of Identity's own code.
/// </summary>
public sealed partial class AuthenticatorApp(string groupedKey)
{
    public string Key { get; } = groupedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string CodeNow() => new Totp(Base32Encoding.ToBytes(Key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>A well-formed code that is not the current one, nor one of the neighbouring steps Identity accepts.</summary>
    public string WrongCode()
    {
        var totp = new Totp(Base32Encoding.ToBytes(Key));
        var near = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(step * 30))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    /// <summary>Turns two-factor on from /settings/security: scan (read) the key, confirm with a code, keep the recovery codes.</summary>
    public static async Task<AuthenticatorApp> EnableAsync(Browser browser)
    {
        using var started = await browser.SubmitAsync("/settings/security", "value=\"two-factor-start\"");
        var app = new AuthenticatorApp(KeyOn(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        using var confirmed = await browser.SubmitAsync("/settings/security", "value=\"two-factor-confirm\"", ("Code", app.CodeNow()));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        app.RecoveryCodes = CodesOn(await confirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(10, app.RecoveryCodes.Count);
        return app;
    }

    public static string KeyOn(string html) => KeyPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No authenticator key on the page.");

    public static IReadOnlyList<string> CodesOn(string html) => [.. RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
