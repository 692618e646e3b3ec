using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Headway.App.Storage;
using Headway.App.Tokens;
using Headway.Web.Accounts;
using Headway.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Headway.Web.Tokens;

/// <summary>
/// Authenticates <c>Authorization: Bearer hw_...</c> with a personal access token. Used by /api/v1 alone: the API
/// does not accept the cookie, so a page cannot be made to call it on a signed-in person's behalf (no antiforgery
/// needed there). A missing, unknown, revoked or expired token gets 401 with WWW-Authenticate and a problem that says
/// which, and what to do.
/// </summary>
public sealed class BearerTokens(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, HeadwayDataSource source, TimeProvider clock, CurrentPlanner planner)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string TokenIdClaim = "headway:token";

    private string? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(AccessTokenQueries.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return Refuse("This is not a Headway access token (they start with hw_): create one at /settings/tokens.");
        }

        // One connection serves the whole request: the token check opens it, and the planner takes it over (with the
        // user, read in the same query) when the token is good.
        var db = await source.OpenAsync(Context.RequestAborted);
        TokenCheck check;
        try
        {
            check = await AccessTokenQueries.CheckAsync(db, secret, clock.GetUtcNow().UtcDateTime, Context.RequestAborted);
            if (check.Refusal is not null || !planner.Adopt(db, check.User!))
            {
                await db.DisposeAsync();
            }
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }

        switch (check.Refusal)
        {
            case TokenRefusal.Unknown:
                return Refuse("This access token is not valid: check that it was copied whole, or create a new one at /settings/tokens.");
            case TokenRefusal.Revoked:
                return Refuse("This access token was revoked: create a new one at /settings/tokens.");
            case TokenRefusal.Expired:
                return Refuse(string.Create(CultureInfo.InvariantCulture,
                    $"This access token expired on {check.ExpiredAt:yyyy-MM-dd HH:mm} UTC: create a new one at /settings/tokens."));
        }

        // What the API's cache of reads keys on, as the session check gives it for pages (see DashboardCache).
        Context.Features.Set(new PlannerVersion(check.UserId, check.State!.DataVersion, check.User!.Calendar, check.State.Due));
        planner.Expect(check.UserId, check.State.Due);
        var identity = new ClaimsIdentity(
            [
                new Claim(AccountClaims.UserIdClaim, check.UserId.ToString(CultureInfo.InvariantCulture)),
                new Claim(TokenIdClaim, check.TokenId.ToString(CultureInfo.InvariantCulture)),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = _refusal is null
            ? "Bearer realm=\"headway\""
            : $"Bearer realm=\"headway\", error=\"invalid_token\", error_description=\"{_refusal.Replace("\"", "'", StringComparison.Ordinal)}\"";
        await ApiProblems.Status(StatusCodes.Status401Unauthorized,
                _refusal ?? "Send a personal access token as Authorization: Bearer hw_...; create one at /settings/tokens.")
            .ExecuteAsync(Context);
    }

    private AuthenticateResult Refuse(string why)
    {
        _refusal = why;
        return AuthenticateResult.Fail(why);
    }
}
