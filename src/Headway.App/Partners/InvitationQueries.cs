using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Headway.App.Storage;
using Headway.Core.Partners;

namespace Headway.App.Partners;

/// <summary>Invitation links: the secret in the link, its stored hash, and reading invitations back.</summary>
public static class InvitationQueries
{
    internal const string Columns = "id, user_id, email, created_at, expires_at, accepted_at, accepted_by_user_id, revoked_at";

    internal static Invitation Map(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.NullableString(2), r.Utc(3), r.Utc(4), r.NullableUtc(5), r.NullableLong(6), r.NullableUtc(7));

    /// <summary>32 random bytes, base64url: the secret that only the link holds.</summary>
    internal static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of the token, in hex: all the database keeps, so a copy of it cannot be used as a link.</summary>
    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True for text that could be a token; anything else is not looked up at all.</summary>
    internal static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The invitation behind a link, with its sender's name; null when the link matches none.</summary>
    public static async Task<(Invitation Invitation, string From)?> FindByTokenAsync(HeadwayDb db, string? token, CancellationToken ct, DbTransaction? tx = null)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }

        var rows = await db.ListAsync(
            $"SELECT {string.Join(", ", Columns.Split(", ").Select(c => "i." + c))}, u.name FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.token_hash = @h",
            r => (Map(r), r.GetString(8)), tx, ct, ("h", Hash(token!)));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>The user's invitations that can still be accepted, newest first.</summary>
    public static Task<List<Invitation>> PendingAsync(PlannerSession s, CancellationToken ct) =>
        s.Db.ListAsync(
            $"SELECT {Columns} FROM invitations WHERE user_id = @u AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now ORDER BY created_at DESC, id DESC",
            Map, null, ct, ("u", s.UserId), ("now", s.NowUtc));
}
