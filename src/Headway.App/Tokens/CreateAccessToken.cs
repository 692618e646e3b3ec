using System.Buffers.Text;
using System.Security.Cryptography;
using Headway.Core;

namespace Headway.App.Tokens;

/// <summary>A new token and its secret, which is shown this once and never stored.</summary>
public sealed record CreatedToken(AccessToken Token, string Secret);

/// <summary>Creates a personal access token for the API: a name to recognize it by and an optional expiry.</summary>
public static class CreateAccessToken
{
    public const int MaxNameLength = 100;

    /// <summary>Enough for every script and device a person uses; more usually means forgotten tokens.</summary>
    public const int MaxUsable = 50;

    public static async Task<Result<CreatedToken>> RunAsync(PlannerSession s, string name, DateTime? expiresAtUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (TextRules.Check(name, "token's name", MaxNameLength) is { } bad)
        {
            return bad;
        }

        if (expiresAtUtc is { } expires && expires <= s.NowUtc)
        {
            return Error.Invalid("The expiry date has passed: pick a later date, or none.");
        }

        // 256 random bits, URL-safe, behind a recognizable prefix ("hw_..."); the first characters are kept in the
        // clear so that a person can tell their tokens apart, which is far too little to guess the rest.
        var secret = AccessTokenQueries.SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var prefix = secret[..(AccessTokenQueries.SecretPrefix.Length + 6)];
        return await s.Db.WriteAsync<CreatedToken>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var usable = await s.Db.LongAsync(
                "SELECT COUNT(*) FROM access_tokens WHERE user_id = @u AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)", tx, ct,
                ("u", s.UserId), ("now", s.NowUtc));
            if (usable >= MaxUsable)
            {
                return Error.Refused($"You already have {MaxUsable} usable tokens: revoke the ones you no longer use first.");
            }

            var now = s.NowUtc;
            var id = await s.Db.LongAsync(
                """
                INSERT INTO access_tokens (user_id, name, prefix, token_hash, created_at, last_used_at, expires_at, revoked_at)
                VALUES (@u, @n, @p, @h, @now, NULL, @exp, NULL) RETURNING id
                """, tx, ct,
                ("u", s.UserId), ("n", name.Trim()), ("p", prefix), ("h", AccessTokenQueries.Hash(secret)), ("now", now), ("exp", expiresAtUtc));
            return new CreatedToken(new AccessToken(id, name.Trim(), prefix, now, null, expiresAtUtc, null), secret);
        }, ct);
    }
}
