using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Headway.App.Storage;
using Headway.App.Users;

namespace Headway.App.Tokens;

/// <summary>A personal access token as its owner sees it: never the secret, which is stored only as a hash.</summary>
public sealed record AccessToken(long Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt, DateTime? RevokedAt)
{
    public bool IsUsable(DateTime nowUtc) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > nowUtc);
}

/// <summary>Why a presented token does not let its bearer in.</summary>
public enum TokenRefusal
{
    Unknown,
    Revoked,
    Expired,
}

/// <summary>
/// Who a presented token acts for (the user, read in the same query, so that a request needs no second look-up), or
/// why it is refused (with the moment it expired, when it did).
/// </summary>
public sealed record TokenCheck(long UserId, long TokenId, TokenRefusal? Refusal, DateTime? ExpiredAt = null, UserContext? User = null, TokenUserState? State = null);

/// <summary>
/// Read with the token: the user's data version (bumped by database triggers on every write to their goals, actions,
/// commitments, requests and notifications), for the API's cache of reads, and when their housekeeping has work.
/// </summary>
public sealed record TokenUserState(long DataVersion, HousekeepingDue Due);

/// <summary>Reading access tokens, and recognizing a presented one.</summary>
public static class AccessTokenQueries
{
    /// <summary>Every token starts with this, so that secret scanners and people can tell what it is.</summary>
    public const string SecretPrefix = "hw_";

    private const string Columns = "id, name, prefix, created_at, last_used_at, expires_at, revoked_at";

    // Writing "last used" on every request would make every API call a write; a minute's precision is enough to
    // tell a token in use from a forgotten one.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public static Task<List<AccessToken>> ListAsync(PlannerSession s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Db.ListAsync($"SELECT {Columns} FROM access_tokens WHERE user_id = @u ORDER BY id DESC", Map, null, ct, ("u", s.UserId));
    }

    /// <summary>
    /// Recognizes a presented secret by its hash, with its user, in one query: every API request starts here, so a
    /// round trip saved is saved on all of them. A usable token's "last used" time is brought up to date (at most once
    /// a minute); an unknown, revoked or expired one says which. Nothing is cached: a token revoked a moment ago is
    /// refused on the next request, whichever server it reaches.
    /// </summary>
    public static async Task<TokenCheck> CheckAsync(HeadwayDb db, string secret, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.ListAsync(
            // The user's columns in LocalOwner.Columns' order, for LocalOwner.Read.
            "SELECT t.id, t.last_used_at, t.expires_at, t.revoked_at, u.id, u.name, u.time_zone, u.week_start, u.data_version, "
            + HousekeepingDue.Columns
            + " FROM access_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = @h",
            r => (TokenId: r.GetInt64(0), LastUsedAt: r.NullableUtc(1), ExpiresAt: r.NullableUtc(2), RevokedAt: r.NullableUtc(3), User: LocalOwner.Read(r, 4),
                State: new TokenUserState(r.GetInt64(8), HousekeepingDue.Read(r, 9))),
            null, ct, ("h", Hash(secret)));
        if (found.Count == 0)
        {
            return new TokenCheck(0, 0, TokenRefusal.Unknown);
        }

        var token = found[0];
        var userId = token.User.UserId;
        if (token.RevokedAt is not null)
        {
            return new TokenCheck(userId, token.TokenId, TokenRefusal.Revoked);
        }

        if (token.ExpiresAt is { } expires && expires <= nowUtc)
        {
            return new TokenCheck(userId, token.TokenId, TokenRefusal.Expired, expires);
        }

        if (token.LastUsedAt is null || nowUtc - token.LastUsedAt >= LastUsedPrecision)
        {
            await db.ExecuteAsync("UPDATE access_tokens SET last_used_at = @now WHERE id = @id", null, ct, ("now", nowUtc), ("id", token.TokenId));
        }

        return new TokenCheck(userId, token.TokenId, null, User: token.User, State: token.State);
    }

    /// <summary>The stored form of a secret: its SHA-256, in lowercase hex. A secret of 256 random bits needs no salt.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static AccessToken Map(DbDataReader r) => Map(r, 0);

    private static AccessToken Map(DbDataReader r, int at) => new(
        r.GetInt64(at), r.GetString(at + 1), r.GetString(at + 2), r.Utc(at + 3), r.NullableUtc(at + 4), r.NullableUtc(at + 5), r.NullableUtc(at + 6));
}
