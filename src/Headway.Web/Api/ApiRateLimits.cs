using System.Globalization;
using System.Threading.RateLimiting;
using Headway.Web.Tokens;
using Microsoft.AspNetCore.RateLimiting;

namespace Headway.Web.Api;

/// <summary>
/// A fixed window of requests per minute for each token (Api:RequestsPerMinute, 600 unless set), so one runaway
/// script cannot crowd out everyone else. Over it: 429 with Retry-After and a problem. The policy carries its own
/// rejection, so other rate limits of the app (sign-in) keep theirs.
/// </summary>
public sealed class ApiRateLimits(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Policy = "api-per-token";
    public const int DefaultPerMinute = 600;

    private readonly int _perMinute = configuration.GetValue("Api:RequestsPerMinute", DefaultPerMinute);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // Authorization runs first, so the caller's token is known; the address is only a fallback.
        return RateLimitPartition.GetFixedWindowLimiter(
            httpContext.User.FindFirst(BearerTokens.TokenIdClaim)?.Value ?? "ip:" + httpContext.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Status(StatusCodes.Status429TooManyRequests,
                $"This token has sent {_perMinute} requests this minute: wait {seconds} seconds, then try again.")
            .ExecuteAsync(context.HttpContext);
    }
}
