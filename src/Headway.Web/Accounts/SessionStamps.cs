using Headway.App.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Headway.Web.Accounts;

/// <summary>
/// Ends sessions when the account's security stamp changes (password change, sign out everywhere, two-factor on or
/// off): every request's cookie is checked against the stamp in the database, so another browser's session stops on
/// its very next request, on whichever instance serves it.
/// </summary>
public static class SessionStamps
{
    public static IServiceCollection AddSessionStamps(this IServiceCollection services)
    {
        // Zero: check on every request. The check is one read of the account by primary key (measured in docs/web.md);
        // Identity's default of 30 minutes would leave a stolen cookie working that long after a password change.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, StampCheck>());
        return services;
    }

    /// <summary>
    /// Identity's validator, minus what it does after a successful check: it would rebuild the claims (a second query)
    /// and send a fresh cookie with every response. The cookie's own sliding expiration renews it often enough.
    /// </summary>
    private sealed class StampCheck(
        IOptions<SecurityStampValidatorOptions> options, SignInManager<HeadwayIdentityUser> signIn, ILoggerFactory logger)
        : SecurityStampValidator<HeadwayIdentityUser>(options, signIn, logger)
    {
        protected override Task SecurityStampVerified(HeadwayIdentityUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
    }
}
