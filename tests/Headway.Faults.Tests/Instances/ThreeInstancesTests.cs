using System.Diagnostics;
using System.Net;
using Headway.App.Tests.Storage;
using Headway.Faults.Tests.Hosting;

namespace Headway.Faults.Tests.Instances;

/// <summary>
/// Three real <c>headway-web</c> processes on one PostgreSQL database, each on its own port, as behind a load balancer
/// without sticky sessions: whatever one instance issues (a sign-in cookie, a form's antiforgery token, a lockout)
/// the others honour, because the keys and the account state live in the database, not in a process.
/// </summary>
public sealed class ThreeInstancesTests
{
    private const string Email = "ana@example.com";
    private const string Password = "blue kettle under the stairs";
    private const string Locked = "Too many failed attempts: this account is locked for 15 minutes.";
    private const string Throttled = "Too many sign-in attempts: wait a minute, then try again.";
    private const string Mismatch = "That email and password do not match an account.";
    private const int SignInLimitsPerAccount = 10;

    [Fact]
    public async Task SignInCookieAndFormToken_FromOneInstance_AreAcceptedByTheOthers()
    {
        await using var site = await ThreeInstances.StartAsync();
        var (a, b, c) = (site[0], site[1], site[2]);
        using (var setup = new FormBrowser())
        {
            await setup.SetUpOwnerAsync(a, Email, Password, Builds.Ct);
        }

        using var browser = new FormBrowser();
        using (var signedIn = await browser.SignInAsync(b, Email, Password, Builds.Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // The cookie issued by b opens the signed-in pages of a and c; without it they send you to sign in.
        foreach (var other in new[] { a, c })
        {
            Assert.Contains("Time zone", await browser.PageAsync(new Uri(other, "/settings"), Builds.Ct), StringComparison.Ordinal);
            using var stranger = new FormBrowser();
            using var refused = await stranger.GetAsync(new Uri(other, "/settings"), Builds.Ct);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        // A form read from one instance (its antiforgery token made there) is posted to another, and the goal it adds
        // is shown by the third: every pairing of the three.
        foreach (var (from, to, view, title) in new[] { (c, a, b, "Run the Hometown 5K"), (a, b, c, "Finish the first draft"), (b, c, a, "Sight-read ten pieces") })
        {
            var form = await browser.PageAsync(new Uri(from, "/goals/new"), Builds.Ct);
            using var posted = await browser.SubmitAsync(form, to, "/goals/new", "value=\"new-goal\"", Builds.Ct, ("Title", title), ("Area", "Fitness"));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var goal = posted.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : posted.Headers.Location!.OriginalString;
            Assert.Matches("^/goals/[0-9]+$", goal);
            Assert.Contains(WebUtility.HtmlEncode(title), await browser.PageAsync(new Uri(view, goal), Builds.Ct), StringComparison.Ordinal);
        }

        Assert.Equal(3, await site.Database.CountAsync("SELECT COUNT(*) FROM goals", Builds.Ct));
    }

    [Fact]
    public async Task HundredWrongPasswords_SpreadOverThreeInstances_LockTheAccountOnAll()
    {
        await using var site = await ThreeInstances.StartAsync();
        using (var setup = new FormBrowser())
        {
            await setup.SetUpOwnerAsync(site[0], Email, Password, Builds.Ct);
        }

        var answers = new List<(int Instance, string Answer, DateTime At, DateTime End)>();
        for (var i = 0; i < 100; i++)
        {
            var at = DateTime.UtcNow;
            using var guesser = new FormBrowser();
            using var response = await guesser.SignInAsync(site[i % 3], Email, $"wrong guess number {i}", Builds.Ct);
            var body = await response.Content.ReadAsStringAsync(Builds.Ct);
            answers.Add((i % 3, response.StatusCode == HttpStatusCode.TooManyRequests && body.Contains(Throttled, StringComparison.Ordinal) ? "throttled"
                : body.Contains(Mismatch, StringComparison.Ordinal) ? "mismatch"
                : body.Contains(Locked, StringComparison.Ordinal) ? "locked"
                : $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}", at, DateTime.UtcNow));
        }

        // The failures are counted in the database: the fifth, wherever it lands, locks the account for all three.
        Assert.Equal(["mismatch", "mismatch", "mismatch", "mismatch", "locked"], answers.Take(5).Select(x => x.Answer));
        Assert.All(answers.Skip(5), x => Assert.True(x.Answer is "locked" or "throttled", x.Answer));

        // The throttle is shared too: past 10 attempts at one account in a wall-clock minute, counted in the database,
        // every instance answers 429 before checking anything. Spread over three instances, the guesses get no more
        // checks than they would from one (per-instance counters would have let up to 30 a minute through).
        var minutes = (int)(answers[^1].End.Ticks / TimeSpan.TicksPerMinute - answers[0].At.Ticks / TimeSpan.TicksPerMinute) + 1;
        var checkedPasswords = answers.Count(x => x.Answer != "throttled");
        Assert.True(checkedPasswords <= SignInLimitsPerAccount * minutes, $"{checkedPasswords} passwords checked in {minutes} minute(s)");
        for (var instance = 0; instance < 3; instance++)
        {
            Assert.Contains(answers, x => x.Instance == instance && x.Answer == "throttled");
        }

        // The right password is refused on every instance, with the lockout's message once the throttle's minute is over.
        for (var instance = 0; instance < 3; instance++)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                using var owner = new FormBrowser();
                using var response = await owner.SignInAsync(site[instance], Email, Password, Builds.Ct);
                var body = await response.Content.ReadAsStringAsync(Builds.Ct);
                Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    Assert.Contains(Locked, body, StringComparison.Ordinal);
                    break;
                }

                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"instance {instance} still throttles after {waited.Elapsed}");
                await Task.Delay(TimeSpan.FromSeconds(2), Builds.Ct);
            }
        }
    }
}

/// <summary>Three headway-web processes started together on a new PostgreSQL database (they migrate it once between them).</summary>
internal sealed class ThreeInstances : IAsyncDisposable
{
    private readonly List<WebServerProcess> _servers;

    private ThreeInstances(FaultDatabase database, List<WebServerProcess> servers)
    {
        Database = database;
        _servers = servers;
    }

    public FaultDatabase Database { get; }

    public Uri this[int index] => _servers[index].BaseAddress;

    public static async Task<ThreeInstances> StartAsync()
    {
        var database = await FaultDatabase.PostgresAsync(TestDatabases.PostgresServerOrSkip(), Builds.Ct);
        var servers = Enumerable.Range(0, 3).Select(_ => new WebServerProcess(Builds.WebServer, database.Connection)).ToList();
        var site = new ThreeInstances(database, servers);
        try
        {
            await Task.WhenAll(servers.Select(s => s.StartAndWaitAsync(Builds.Ct)));
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }

        return site;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _servers.Count; i++)
        {
            await _servers[i].DisposeAsync();
            // What each instance logged: shown with a failure, to tell which instance did what.
            TestContext.Current.TestOutputHelper?.WriteLine($"--- instance {i} ({_servers[i].BaseAddress}) ---\n{_servers[i].Log}");
        }

        await Database.DisposeAsync();
    }
}
