using Headway.App.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Headway.Web.Tests.Hosting;

/// <summary>The whole web app in memory over a database of its own (a temporary SQLite file unless given one).</summary>
public sealed class WebApp : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo? _folder;

    public WebApp(DatabaseTarget? target = null)
    {
        if (target is null)
        {
            _folder = Directory.CreateTempSubdirectory("headway-web-test-");
            target = DatabaseTarget.Parse(Path.Combine(_folder.FullName, "headway.db")).Value;
        }

        Target = target;
    }

    public DatabaseTarget Target { get; }

    /// <summary>Monday 1 March 2027, 09:00 UTC, unless a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("database", Target.ConnectionString.StartsWith("Data Source=", StringComparison.Ordinal) ? Target.Display : Target.ConnectionString);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory calls this from both Dispose and DisposeAsync.
        if (disposing && _folder is not null && Directory.Exists(_folder.FullName))
        {
            SqliteConnection.ClearAllPools();
            _folder.Delete(recursive: true);
        }
    }
}
