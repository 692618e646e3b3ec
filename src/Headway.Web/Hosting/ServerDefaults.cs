namespace Headway.Web.Hosting;

public static class ServerDefaults
{
    /// <summary>Where the server listens unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise: this machine only.</summary>
    public const string Url = "http://127.0.0.1:5080";

    public static WebApplicationBuilder UseHeadwayDefaults(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(Url);
        }

        // The stylesheet and blazor.web.js are served from the build output's static web assets manifest when the app
        // runs from a build (dotnet run, tests, `headway serve` in a checkout); published output has them in wwwroot.
        builder.WebHost.UseStaticWebAssets();

        // The clock is a dependency (tests replace it with a FakeTimeProvider).
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
