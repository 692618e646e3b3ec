using Headway.Core;

namespace Headway.App.Tokens;

/// <summary>Revokes one of the user's tokens: from then on it is refused, and it stays listed as revoked.</summary>
public static class RevokeAccessToken
{
    public static async Task<Result<AccessToken>> RunAsync(PlannerSession s, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        return await s.Db.WriteAsync<AccessToken>(async tx =>
        {
            var token = (await AccessTokenQueries.ListAsync(s, ct)).FirstOrDefault(t => t.Id == id);
            if (token is null)
            {
                return Error.NotFound($"There is no token {id}.");
            }

            if (token.RevokedAt is not null)
            {
                return Error.Refused($"The token \"{token.Name}\" is already revoked.");
            }

            await s.Db.ExecuteAsync("UPDATE access_tokens SET revoked_at = @now WHERE id = @id AND user_id = @u", tx, ct,
                ("now", s.NowUtc), ("id", id), ("u", s.UserId));
            return token with { RevokedAt = s.NowUtc };
        }, ct);
    }
}
