using System.Net;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task TokenOverItsLimit_Gets429WithRetryAfter_WhileAnotherTokenGoesOn()
    {
        await using var web = await TestWeb.StartAsync();
        web.App.Settings["Api:RequestsPerMinute"] = "3";
        using var busy = await ApiClient.StartAsync(web.App);
        using var calm = await ApiClient.StartAsync(web.App, "Bo");

        for (var i = 0; i < 3; i++)
        {
            using var ok = await busy.GetAsync("/api/v1/goals");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await busy.GetAsync("/api/v1/goals");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("wait", await ApiClient.ProblemAsync(limited, 429), StringComparison.Ordinal);
        using var other = await calm.GetAsync("/api/v1/goals");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
