using System.Globalization;
using System.Threading.RateLimiting;
using Headway.Web.Tokens;

namespace Headway.Web.Api;

/// <summary>
/// A fixed window of requests per minute for each token (Api:RequestsPerMinute, 600 unless set), so one runaway
/// script cannot crowd out everyone else. Over it: 429 with Retry-After and a problem.
/// </summary>
public static class ApiRateLimits
{
    public const string Policy = "api-per-token";
    public const int DefaultPerMinute = 600;

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Api:RequestsPerMinute", DefaultPerMinute);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                // Authorization runs first, so the caller is known; the address is only a fallback.
                http.User.FindFirst(BearerTokens.TokenIdClaim)?.Value ?? "ip:" + http.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.Status(StatusCodes.Status429TooManyRequests,
                        $"This token has sent {perMinute} requests this minute: wait {seconds} seconds, then try again.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
