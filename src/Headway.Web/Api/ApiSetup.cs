using Headway.App.Json;
using Headway.Web.Accounts;
using Headway.Web.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Headway.Web.Api;

/// <summary>
/// The REST API under /api/v1: Bearer tokens only, problem details for every error, rate limits per token, the
/// OpenAPI document and its reference page.
/// </summary>
public static class ApiSetup
{
    public const string Policy = "api";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BearerTokens>(BearerTokens.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(BearerTokens.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(AccountClaims.UserIdClaim));
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, HeadwayJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Insert(1, ApiJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Insert(2, PartnerJsonContext.Default);
        });

        // Malformed JSON and unreadable parameters become exceptions that UseApiErrors turns into one-sentence problems.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddSingleton<IdempotencyJanitor>();
        services.AddRateLimiter(options => options.AddPolicy<string, ApiRateLimits>(ApiRateLimits.Policy));
        services.AddApiReference();
        return services;
    }

    /// <summary>
    /// Turns a request the endpoints could not read into a 400 problem (elsewhere: the status alone, which the
    /// status-code pages show), and keeps the HTML not-found page away from API answers.
    /// </summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var isApi = context.Request.Path.StartsWithSegments("/api/v1");
            if (isApi && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            try
            {
                await next(context);
            }
            catch (InvalidOperationException) when (!context.Response.HasStarted
                && context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                // A form endpoint read a form whose antiforgery token did not validate: a bad request, as without
                // ThrowOnBadRequest (which the API needs for its one-sentence problems).
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                if (!isApi)
                {
                    context.Response.StatusCode = e.StatusCode;
                    return;
                }

                await ApiProblems.Status(e.StatusCode, BadRequests.Sentence(e)).ExecuteAsync(context);
                return;
            }

            if (isApi && context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null, ContentType: null })
            {
                await ApiProblems.Status(context.Response.StatusCode, context.Response.StatusCode switch
                {
                    StatusCodes.Status404NotFound => "There is no such API endpoint: see /openapi/v1.json for the list.",
                    StatusCodes.Status405MethodNotAllowed => "This endpoint does not take that method: see /openapi/v1.json for the ones it takes.",
                    _ => "The request could not be handled as sent.",
                }).ExecuteAsync(context);
            }
        });
        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        // Bearer tokens only (the policy's scheme): a cookie is not enough, so the API needs no antiforgery tokens.
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(ApiRateLimits.Policy)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGoalsApi();
        api.MapActionsApi();
        api.MapCommitmentsApi();
        api.MapCheckApi();
        api.MapPartnersApi();

        // Anything else under /api/v1 is a 404 problem (to a caller with a token), not the site's HTML page.
        api.MapFallback(NoSuchEndpoint).ExcludeFromDescription();
        app.MapApiReference();
        return app;
    }

    private static ProblemHttpResult NoSuchEndpoint() =>
        ApiProblems.Status(StatusCodes.Status404NotFound, "There is no such API endpoint: see /openapi/v1.json for the list.");
}
