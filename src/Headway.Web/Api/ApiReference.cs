using Headway.Web.Tokens;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Headway.Web.Api;

/// <summary>The OpenAPI document (/openapi/v1.json) and the interactive reference (/api/reference, Scalar, served locally).</summary>
public static class ApiReference
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/reference";

    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Headway API",
                    Version = "v1",
                    Description = "Goals, actions, the analyzer, the weekly review and commitments. Authenticate with a personal access token " +
                        "from /settings/tokens (Authorization: Bearer hw_...). Updates need If-Match; creates take an Idempotency-Key.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerTokens.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "hw_ personal access token",
                    Description = "A personal access token from /settings/tokens.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerTokens.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// Scalar's page starts itself with one inline module script, which the site's policy forbids; this path alone
    /// allows inline script and style (Scalar injects its styles). Its assets are served by the app itself, it holds no
    /// one's data, and it may not be framed (docs/api.md explains the trade).
    /// </summary>
    public const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string ReadableColours =
        ".light-mode { --scalar-color-2: #3f3f46; --scalar-color-3: #52525b; --scalar-color-green: #047857; --scalar-color-blue: #1d4ed8; " +
        "--scalar-color-orange: #b45309; --scalar-color-yellow: #92400e; --scalar-color-red: #b91c1c; --scalar-color-purple: #6d28d9; }";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(ReferencePath))
            {
                context.Response.Headers.ContentSecurityPolicy = ReferencePolicy;
            }

            return next(context);
        });
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Headway API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                // Scalar's page template has no lang and some of its default greys and method colours fall below
                // WCAG AA contrast (axe, in the browser tests): name the language, and darken those colours in the one
                // theme mode the browser tests check.
                .AddHeadContent("<script>document.documentElement.lang = 'en';</script>")
                .ForceLightMode()
                .WithCustomCss(ReadableColours))
            .AllowAnonymous();
        return app;
    }
}
