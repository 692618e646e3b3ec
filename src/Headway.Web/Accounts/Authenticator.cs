using System.Text;
using Headway.App.Storage;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Headway.Web.Accounts;

/// <summary>
/// What an authenticator app needs to start making codes for an account (the shared key, grouped for typing, and the
/// same key as an otpauth:// link and QR code), and how a typed code is told from a recovery code.
/// </summary>
public static class Authenticator
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Headway";

    /// <summary>
    /// A new shared key, stored for the account but not yet in use: two-factor stays off until a code made from it is
    /// confirmed. Stored through the store rather than ResetAuthenticatorKeyAsync, which would also end the person's
    /// other sessions just for opening the setup.
    /// </summary>
    public static async Task<string> NewKeyAsync(UserManager<HeadwayIdentityUser> users, IUserStore<HeadwayIdentityUser> store, HeadwayIdentityUser account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        var keys = (IUserAuthenticatorKeyStore<HeadwayIdentityUser>)store;
        var key = users.GenerateNewAuthenticatorKey();
        await keys.SetAuthenticatorKeyAsync(account, key, ct);
        var saved = await users.UpdateAsync(account);
        return saved.Succeeded ? key : throw new InvalidOperationException("The authenticator key could not be saved: " + saved.Errors.First().Description);
    }

    /// <summary>The Base32 key in lowercase groups of four, as people type it into an app.</summary>
    public static string Grouped(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sb = new StringBuilder(key.Length + (key.Length / 4));
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return sb.ToString().ToLowerInvariant();
    }

    /// <summary>The Key URI Format that authenticator apps read from a QR code (issuer, account, key, 6 digits, 30 s).</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}" +
        $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>
    /// The otpauth:// link as a PNG QR code in a data: URL (the CSP allows data: images; an inline SVG would be fine too,
    /// but an img keeps the page free of generated markup).
    /// </summary>
    public static string QrCodeDataUrl(string uri)
    {
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>A code from the app: six digits, possibly typed with a space or dash in the middle.</summary>
    public static bool IsAppCode(string input, out string code)
    {
        ArgumentNullException.ThrowIfNull(input);
        code = new string([.. input.Where(c => c is not (' ' or '-'))]);
        return code.Length == 6 && code.All(char.IsAsciiDigit);
    }

    /// <summary>A recovery code as Identity stores it (XXXXX-XXXXX, uppercase), however it was typed.</summary>
    public static string RecoveryCode(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bare = new string([.. input.Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant();
        return bare.Length == 10 ? $"{bare[..5]}-{bare[5..]}" : bare;
    }

    /// <summary>
    /// Proof that the person at the keyboard is the account's owner before a change to their protection: a current
    /// code from the app, or the password. Wrong answers count towards the lockout like wrong sign-ins.
    /// Returns null when proven, else the sentence to show.
    /// </summary>
    public static async Task<string?> ProveAsync(UserManager<HeadwayIdentityUser> users, HeadwayIdentityUser account, string? input)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (string.IsNullOrWhiteSpace(input))
        {
            return "Type a code from your authenticator app, or your password.";
        }

        if (await users.IsLockedOutAsync(account))
        {
            return Locked;
        }

        var proven = IsAppCode(input, out var code)
            ? await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : input.Length <= PasswordRules.MaxLength && await users.CheckPasswordAsync(account, input);
        if (proven)
        {
            return null;
        }

        await users.AccessFailedAsync(account);
        return await users.IsLockedOutAsync(account) ? Locked : "That is neither a current code from your app nor your password: try again.";
    }

    public const string Locked = "Too many failed attempts: this account is locked for 15 minutes.";
}
