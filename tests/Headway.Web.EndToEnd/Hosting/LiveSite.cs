using Headway.App;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Headway.Web.EndToEnd.Hosting;

/// <summary>
/// The whole web app on a real Kestrel listening on a free loopback port, over a fresh database of its own, so that a
/// real browser can use it. The clock is fixed (Wednesday 3 March 2027, 09:00 UTC): pages and screenshots are the same
/// on every run.
/// </summary>
public sealed class LiveSite : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly Factory _factory;

    private LiveSite(TestDatabase database)
    {
        _database = database;
        _factory = new Factory(database.Target, Clock);
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        Address = new Uri(addresses.Addresses.First());
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 3, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Where the site listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<LiveSite> StartAsync(Provider provider = Provider.Sqlite) => new(await TestDatabases.CreateAsync(provider));

    /// <summary>Runs use cases directly on the owner's data, as the command line would (to prepare a page).</summary>
    public Task<T> AsOwnerAsync<T>(Func<PlannerSession, Task<T>> work) => AsUserAsync(null, work);

    /// <summary>Runs use cases as the Headway user <paramref name="userId"/> (the owner when null), to prepare a page.</summary>
    public async Task<T> AsUserAsync<T>(long? userId, Func<PlannerSession, Task<T>> work)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Services.GetRequiredService<HeadwayDataSource>().OpenAsync(ct);
        var user = userId is null
            ? await LocalOwner.EnsureAsync(db, Clock, ct)
            : await LocalOwner.LoadAsync(db, ct, userId) ?? throw new InvalidOperationException($"No Headway user {userId}.");
        return await work(new PlannerSession(db, user, Clock));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class Factory(DatabaseTarget target, TimeProvider clock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("database", target.Provider == Provider.Sqlite ? target.Display : target.ConnectionString);
            // Port 0: the system picks a free port, read back from the server once it listens.
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
        }
    }
}
