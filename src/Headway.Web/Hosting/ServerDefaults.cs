using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

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

        ReadShippedSettings(builder.Configuration, AppContext.BaseDirectory);

        // The clock is a dependency (tests replace it with a FakeTimeProvider).
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Reads the appsettings.json shipped beside the server, under every other source. ASP.NET Core reads it from the
    /// content root, the current directory: a server started from elsewhere (a systemd unit or a container without that
    /// working directory) lost its log levels and wrote six lines for every request, costing a good share of its CPU
    /// under bench/load/run. A file in the content root, environment variables and arguments still override this one.
    /// </summary>
    public static void ReadShippedSettings(ConfigurationManager configuration, string directory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var shipped = new JsonConfigurationSource { Path = "appsettings.json", Optional = true, FileProvider = new PhysicalFileProvider(directory) };
        configuration.Sources.Insert(0, shipped);
    }
}
