using System.Net;
using Headway.App;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Users;
using Headway.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Headway.Web.Tests.Hosting;

/// <summary>The whole web app in memory over a database of its own (a temporary SQLite file unless given one).</summary>
public sealed class WebApp(DatabaseTarget target) : WebApplicationFactory<Program>
{
    public const string OwnerEmail = "ana@example.com";
    public const string OwnerPassword = "blue kettle under the stairs";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public DatabaseTarget Target { get; } = target;

    /// <summary>Configuration a test sets before the app starts (a lower API rate limit, SMTP, webhooks).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Monday 1 March 2027, 09:00 UTC, unless a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The request header a test sets to pose as a client address (a startup filter copies it to the connection).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public Browser Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A browser whose cookie jar is <paramref name="cookies"/>: the same jar used against two instances is one browser behind a load balancer.</summary>
    public Browser Browser(CookieContainer cookies) => new(CreateDefaultClient(new CookieContainerHandler(cookies)));

    /// <summary>A fresh browser (a cookie jar of its own) signed in with the password, on this instance.</summary>
    public async Task<Browser> SignInAsync(string email = OwnerEmail, string password = OwnerPassword)
    {
        var browser = Browser();
        using var response = await browser.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", email), ("Password", password));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>A browser signed in as a new owner account, through the first-run setup page.</summary>
    public async Task<Browser> OwnerAsync()
    {
        var browser = Browser();
        using var response = await browser.SubmitAsync("/setup", "value=\"setup\"", ("Email", OwnerEmail), ("Password", OwnerPassword), ("Confirm", OwnerPassword));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>A browser signed in as another person, whose account is made directly (invitations come later).</summary>
    public async Task<Browser> PersonAsync(string email, string password = "a different long passphrase")
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HeadwayIdentityUser>>();
            var (result, _) = await scope.ServiceProvider.GetRequiredService<AccountSetup>().CreatePersonAsync(users, "Bo", email, password, Ct);
            Assert.True(result.Succeeded, string.Join(' ', result.Errors.Select(e => e.Description)));
        }

        var browser = Browser();
        using var response = await browser.SubmitAsync("/account/sign-in", "value=\"sign-in\"", ("Email", email), ("Password", password));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Runs a use case directly on a user's data, as the command line would.</summary>
    public async Task<T> AsUserAsync<T>(long? userId, Func<PlannerSession, Task<T>> work)
    {
        var source = Services.GetRequiredService<HeadwayDataSource>();
        await using var db = await source.OpenAsync(Ct);
        var user = userId is null ? await LocalOwner.EnsureAsync(db, Clock, Ct) : (await LocalOwner.LoadAsync(db, Ct, userId))!;
        return await work(new PlannerSession(db, user, Clock));
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var db = await Services.GetRequiredService<HeadwayDataSource>().OpenAsync(Ct);
        return await db.LongAsync(sql, null, Ct);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("database", Target.Provider == Provider.Sqlite ? Target.Display : Target.ConnectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddTransient<IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>TestServer leaves the client address empty; tests that need one (rate limits) name it in a header.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

/// <summary>A web app over a fresh database of its own (SQLite unless asked), deleted afterwards.</summary>
public sealed class TestWeb : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private TestWeb(TestDatabase database)
    {
        _database = database;
        App = new WebApp(database.Target);
    }

    private readonly List<WebApp> _others = [];

    public WebApp App { get; }

    public static async Task<TestWeb> StartAsync(Provider provider = Provider.Sqlite) => new(await TestDatabases.CreateAsync(provider));

    /// <summary>Another instance of the server on the same database, as behind a load balancer without sticky sessions.</summary>
    public WebApp AnotherInstance()
    {
        var other = new WebApp(_database.Target);
        _others.Add(other);
        return other;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
