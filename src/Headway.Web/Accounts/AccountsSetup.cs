using Headway.App.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Headway.Web.Accounts;

/// <summary>
/// Accounts: ASP.NET Core Identity over its EF Core stores on the Headway schema, a cookie, and a rule that every
/// page needs a signed-in account that acts for a Headway user (pages for signing in say so with [AllowAnonymous]).
/// </summary>
public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddDbContext<HeadwayDbContext>(options =>
        {
            if (target.Provider == Provider.Sqlite)
            {
                options.UseSqlite(target.ConnectionString);
            }
            else
            {
                options.UseNpgsql(target.ConnectionString);
            }
        });

        services.AddIdentityCore<HeadwayIdentityUser>(options =>
            {
                // Length, not composition rules (NIST SP 800-63B): at least 12 characters, at most 128, not a common one.
                options.Password.RequiredLength = PasswordRules.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                // Left at its default on purpose: HeadwayDbContext's migrations were made with it (see the context).
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<HeadwayDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<AccountClaims>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies =>
            {
                cookies.ApplicationCookie!.Configure(options =>
                {
                    options.LoginPath = "/account/sign-in";
                    options.LogoutPath = "/account/sign-out";
                    options.AccessDeniedPath = "/not-found";
                    SecureCookie(options.Cookie, "headway", SameSiteMode.Lax);
                    options.ExpireTimeSpan = TimeSpan.FromDays(14);
                    options.SlidingExpiration = true;
                });
                // Between the password and the code: who is signing in, for five minutes, sent back to this site only.
                cookies.TwoFactorUserIdCookie!.Configure(options =>
                {
                    SecureCookie(options.Cookie, "headway-2fa", SameSiteMode.Strict);
                    options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                });
                // "Remember this browser": no code asked here for 30 days, until the account's security stamp changes.
                cookies.TwoFactorRememberMeCookie!.Configure(options =>
                {
                    SecureCookie(options.Cookie, "headway-2fa-remember", SameSiteMode.Strict);
                    options.ExpireTimeSpan = TimeSpan.FromDays(30);
                });
            });
        services.AddSessionStamps();

        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(AccountClaims.UserIdClaim)
            .Build());
        services.AddAntiforgery(options =>
        {
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<AccountSetup>();
        services.AddScoped<CurrentPlanner>();
        return services;
    }

    private static void SecureCookie(CookieBuilder cookie, string name, SameSiteMode sameSite)
    {
        cookie.Name = name;
        cookie.HttpOnly = true;
        cookie.SameSite = sameSite;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        // Binding the form is what makes minimal APIs check the antiforgery token: a post without a form is refused
        // too, instead of signing out whoever a forged request reaches.
        app.MapPost("/account/sign-out", async Task<RedirectHttpResult> (IFormCollection _, SignInManager<HeadwayIdentityUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.Redirect("/account/sign-in");
        });
        return app;
    }
}
