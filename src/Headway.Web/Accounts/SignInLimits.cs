using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Headway.Web.Accounts;

/// <summary>
/// Slows down password and code guessing before the lockout has to: sign-in posts (password and two-factor steps)
/// are limited per client address and per account tried, whichever runs out first. These counters live in each
/// instance's memory; the lockout (5 failures, 15 minutes) is in the database and so holds across all instances.
/// </summary>
public static class SignInLimits
{
    public const string SignInPath = "/account/sign-in";
    public const string TwoFactorPath = "/account/sign-in/two-factor";

    /// <summary>Attempts per minute from one client address: room for a household behind one router to mistype.</summary>
    public const int PerClient = 20;

    /// <summary>Attempts per minute at one account, from anywhere: twice the lockout's allowance.</summary>
    public const int PerAccount = 10;

    public const string Message = "Too many sign-in attempts: wait a minute, then try again.";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly object AccountKey = new();

    public static IServiceCollection AddSignInLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Limit(http, PerClient, http => "client:" + Client(http))),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Limit(http, PerAccount, http => http.Items[AccountKey] as string)));
            options.OnRejected = async (rejected, ct) =>
            {
                if (!IsAttempt(rejected.HttpContext.Request))
                {
                    return;
                }

                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(Message, ct);
            };
        });

    /// <summary>
    /// Names the account a sign-in post is about before the limiter runs (its partitions are chosen synchronously):
    /// the email typed on the password step, the account in the short-lived cookie on the code step. Goes just before
    /// UseRateLimiter.
    /// </summary>
    public static WebApplication UseSignInLimits(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (IsAttempt(http.Request))
            {
                http.Items[AccountKey] = await AccountTriedAsync(http);
            }

            await next(http);
        });
        return app;
    }

    private static RateLimitPartition<string> Limit(HttpContext http, int permits, Func<HttpContext, string?> key) =>
        IsAttempt(http.Request) && key(http) is { } partition
            ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("");

    private static bool IsAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(TwoFactorPath, StringComparison.OrdinalIgnoreCase));

    private static string Client(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : IPAddress.None.ToString();

    private static async Task<string?> AccountTriedAsync(HttpContext http)
    {
        if (http.Request.Path.Equals(TwoFactorPath, StringComparison.OrdinalIgnoreCase))
        {
            var step = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            return step.Principal?.Identity?.Name is { } accountId ? "account:" + accountId : null;
        }

        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        // The form is buffered by the framework, so the page reads the same one afterwards.
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var email = form["Email"].ToString().Trim();
        return email.Length == 0 ? null : "email:" + email.ToUpperInvariant();
    }

}
