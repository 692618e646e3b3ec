using System.Globalization;
using Headway.Web.Accounts;
using Headway.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Headway.Web.Dashboard;

/// <summary>
/// The signed-in dashboard, kept per person in ASP.NET Core's output cache and served again while nothing it shows
/// can have changed. Rendering it costs several times the rest of a request (queries, components, HTML); a hit costs
/// the session check's one query, which also reads the person's data version. The entry is keyed by:
/// <list type="bullet">
/// <item>the Headway user and their <c>users.data_version</c>, which database triggers bump on every write to goals,
/// actions, commitments, their requests and notifications, from any writer (this or another instance, the API, the
/// command line, a partner, the scheduler);</item>
/// <item>their local day, time zone and first day of the week (the week shown, "in N days", housekeeping's carry-over
/// and missed commitments all turn with the day);</item>
/// <item>the antiforgery cookie (the page's forms carry tokens derived from it) and the Accept header (enhanced
/// navigation asks for the same page differently).</item>
/// </list>
/// Never cached: a response that sets a cookie or is not a 200, a request carrying a flash message, a request
/// without the antiforgery cookie (its page mints one), and a request after a cooling-off period ended (housekeeping
/// must run). The session stamp is still checked on every request, before the cache, so a password change or
/// "sign out everywhere" ends other sessions at once.
/// The API's action list is kept the same way (<see cref="ApiPolicy"/>): the bearer-token check reads the same
/// version in its one query, and a revoked token is refused before the cache is asked; an API answer has no forms, so
/// no antiforgery cookie is involved, and any token of the person gets the same list.
/// </summary>
public static class DashboardCache
{
    public const string Policy = "dashboard";
    public const string ApiPolicy = "api-reads";

    // A dashboard is about 20 KB: 32 MB holds well over a thousand people's pages and keeps the server far under its
    // memory budget. Entries of an older data version are never asked for again and leave when they expire.
    private const long SizeLimit = 32L * 1024 * 1024;
    private const long MaximumBody = 512 * 1024;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddDashboardCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.SizeLimit = SizeLimit;
            options.MaximumBodySize = MaximumBody;
            options.DefaultExpirationTimeSpan = Lifetime;
            options.AddPolicy(Policy, new PersonalPage(withForms: true));
            options.AddPolicy(ApiPolicy, new PersonalPage(withForms: false));
        });
        return services;
    }

    /// <summary>After authentication (the session check reads the data version) and authorization.</summary>
    public static WebApplication UseDashboardCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    private sealed class PersonalPage(bool withForms) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                || http.User.Identity?.IsAuthenticated != true
                || http.Features.Get<PlannerVersion>() is not { } planner
                || AccountClaims.UserId(http.User) != planner.UserId
                || Flash.IsPending(request))
            {
                return ValueTask.CompletedTask;
            }

            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (planner.Due.NextCoolingOff <= now.UtcDateTime)
            {
                return ValueTask.CompletedTask;
            }

            // A page with forms is kept per antiforgery cookie (its tokens are in the HTML); one without a cookie mints it.
            string? token = null;
            if (withForms)
            {
                var antiforgery = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
                if (antiforgery is null || !request.Cookies.TryGetValue(antiforgery, out token))
                {
                    return ValueTask.CompletedTask;
                }
            }

            context.EnableOutputCaching = true;
            context.AllowCacheLookup = true;
            context.AllowCacheStorage = true;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Lifetime;
            var vary = context.CacheVaryByRules;
            vary.QueryKeys = "*";
            vary.HeaderNames = "Accept";
            var values = vary.VaryByValues;
            values["user"] = planner.UserId.ToString(CultureInfo.InvariantCulture);
            values["version"] = planner.DataVersion.ToString(CultureInfo.InvariantCulture);
            values["day"] = planner.Calendar.Today(now).ToString("O", CultureInfo.InvariantCulture);
            values["calendar"] = $"{planner.Calendar.Zone.Id} {planner.Calendar.FirstDay}";
            if (token is not null)
            {
                values["antiforgery"] = token;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
