using System.Globalization;
using System.Security.Claims;
using Headway.App.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Headway.Web.Accounts;

/// <summary>Puts the Headway user an account acts for into its cookie, so each request scopes its queries to it.</summary>
public sealed class AccountClaims(UserManager<HeadwayIdentityUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<HeadwayIdentityUser>(users, options)
{
    public const string UserIdClaim = "headway:user";

    public static long? UserId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(UserIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HeadwayIdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserIdClaim, user.UserId.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
