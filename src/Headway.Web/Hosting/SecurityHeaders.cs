namespace Headway.Web.Hosting;

public static class SecurityHeaders
{
    // No inline script or style anywhere: every page works with these, and an injected <script> does not run.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>Sets the security headers on every response, and HSTS on HTTPS outside Development.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // UseHsts adds the header only to HTTPS responses (and never for localhost).
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        return app;
    }
}
