using System.Globalization;
using System.Net;
using Headway.App.Storage;
using Headway.App.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Headway.Web.Accounts;

/// <summary>
/// Slows down password and code guessing before the lockout has to: sign-in posts (password and two-factor steps)
/// are limited per client address and per account tried, whichever runs out first, in fixed wall-clock minutes.
/// The counts live in the database (<see cref="SignInCounters"/>), like the lockout (5 failures, 15 minutes), so
/// several instances behind a load balancer throttle as one.
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

    /// <summary>
    /// Counts each sign-in post before the page checks anything, and answers 429 with Retry-After (the seconds left
    /// in the minute) past either limit. Goes after authentication, so the code step knows whose account it is.
    /// </summary>
    public static WebApplication UseSignInLimits(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (!IsAttempt(http.Request))
            {
                await next(http);
                return;
            }

            var clock = http.RequestServices.GetRequiredService<TimeProvider>();
            var now = clock.GetUtcNow();
            var keys = new List<string> { "client:" + Client(http) };
            if (await AccountTriedAsync(http) is { } account)
            {
                keys.Add(account);
            }

            await using var db = await http.RequestServices.GetRequiredService<HeadwayDataSource>().OpenAsync(http.RequestAborted);
            var attempts = await SignInCounters.CountAsync(db, keys, now, http.RequestAborted);
            if (attempts[0] <= PerClient && (attempts.Length == 1 || attempts[1] <= PerAccount))
            {
                await next(http);
                return;
            }

            var response = http.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            var wait = Math.Max(1, (int)Math.Ceiling(SignInCounters.UntilNextMinute(now).TotalSeconds));
            response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(Message, http.RequestAborted);
        });
        return app;
    }

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
