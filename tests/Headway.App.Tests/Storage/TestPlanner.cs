using System.Globalization;
using Headway.App.Storage;
using Headway.App.Users;
using Microsoft.Extensions.Time.Testing;

namespace Headway.App.Tests.Storage;

/// <summary>
/// A fresh database of one provider, the local owner in it (UTC, Monday-first weeks unless a test changes them) and a
/// session on a fake clock: what a test of a use case needs. Further sessions open their own connections, as the
/// command line and a server would.
/// </summary>
public sealed class TestPlanner : IAsyncDisposable
{
    /// <summary>Wednesday 3 March 2027, 15:00 UTC: the middle of a Monday-first week.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2027, 3, 3, 15, 0, 0, TimeSpan.Zero);

    private readonly List<HeadwayDb> _connections = [];

    private TestPlanner(TestDatabase database, HeadwayDataSource source, FakeTimeProvider clock)
    {
        Database = database;
        Source = source;
        Clock = clock;
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public TestDatabase Database { get; }

    public HeadwayDataSource Source { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The owner's session, on the first connection.</summary>
    public PlannerSession Session { get; private set; } = null!;

    public static async Task<TestPlanner> CreateAsync(Provider provider, DateTimeOffset? start = null)
    {
        var database = await TestDatabases.CreateAsync(provider);
        var planner = new TestPlanner(database, HeadwayDataSource.Create(database.Target), new FakeTimeProvider(start ?? DefaultStart));
        var db = await planner.OpenAsync();
        var owner = await LocalOwner.EnsureAsync(db, planner.Clock, Ct);
        planner.Session = new PlannerSession(db, owner, planner.Clock);
        // The machine's zone must not decide what "today" is in a test.
        planner.Session = planner.Session with { User = (await ChangeSettings.RunAsync(planner.Session, "UTC", "monday", Ct)).Value };
        return planner;
    }

    /// <summary>A new connection from the same data source, closed with the planner.</summary>
    public async Task<HeadwayDb> OpenAsync()
    {
        var db = await Source.OpenAsync(Ct);
        _connections.Add(db);
        return db;
    }

    /// <summary>A session of the given user (the owner by default) on a connection of its own.</summary>
    public async Task<PlannerSession> OpenSessionAsync(long? userId = null)
    {
        var db = await OpenAsync();
        var user = await LocalOwner.LoadAsync(db, Ct, userId ?? Session.UserId)
            ?? throw new InvalidOperationException($"There is no user {userId}.");
        return new PlannerSession(db, user, Clock);
    }

    /// <summary>Creates another user straight in the database, as the web app's sign-up will.</summary>
    public async Task<long> AddUserAsync(string name) =>
        await Session.Db.LongAsync(
            "INSERT INTO users (name, time_zone, week_start, created_at) VALUES (@n, 'UTC', 1, @c) RETURNING id", null, Ct,
            ("n", name), ("c", Clock.GetUtcNow().UtcDateTime));

    /// <summary>A count straight from the tables, to check what a use case wrote (or did not).</summary>
    public Task<long> CountAsync(string sql, params (string Name, object? Value)[] args) =>
        Session.Db.LongAsync(sql, null, Ct, args);

    /// <summary>Rows of every table that use cases write, to show that a refused call wrote nothing.</summary>
    public async Task<string> SnapshotAsync()
    {
        var counts = new List<string>();
        foreach (var table in new[] { "goals", "actions", "action_events", "commitments", "commitment_requests" })
        {
            var rows = await CountAsync($"SELECT COUNT(*) FROM {table}");
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{table}={rows}"));
        }

        // Versions change on every update, so an update that should not have happened shows too.
        var actionVersions = await CountAsync("SELECT COALESCE(SUM(version), 0) FROM actions");
        var commitmentVersions = await CountAsync("SELECT COALESCE(SUM(version), 0) FROM commitments");
        counts.Add(string.Create(CultureInfo.InvariantCulture, $"versions={actionVersions}/{commitmentVersions}"));
        return string.Join(", ", counts);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _connections)
        {
            await db.DisposeAsync();
        }

        await Source.DisposeAsync();
        await Database.DisposeAsync();
    }
}
