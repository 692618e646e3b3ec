using System.Diagnostics;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Users;
using Headway.Web.Notifications;
using Headway.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Headway.Web.Tests.Notifications;

/// <summary>Three headway-web instances on one PostgreSQL: every due reminder is sent exactly once.</summary>
public sealed class ManyInstancesTests
{
    // How long the test waits for the mail: long enough for a loaded 2-core CI machine. The rate itself (1,000 a minute)
    // is measured by bench/notify, not asserted here.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeInstances_OnePostgres_DeliverEachOfAThousandRemindersExactlyOnce()
    {
        const int Reminders = 1000;
        await using var database = await TestDatabases.CreateAsync(Provider.Postgres);
        await using var sink = SmtpSink.Start();
        await SeedAsync(database.Target, Reminders);

        var apps = Enumerable.Range(0, 3).Select(_ => new WebApp(database.Target)).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            foreach (var app in apps)
            {
                sink.Configure(app);
            }

            // Each instance runs its own scheduler and delivery worker (separate data sources, as separate servers
            // have). Their clocks are fake, so the test ticks them, all at once, racing for the same work, as real
            // time would: the scheduler's minute and the worker's look at the ledger, until the mail has arrived.
            await Task.WhenAll(apps.Select(app => Task.Run(async () =>
            {
                var scheduler = app.Services.GetRequiredService<NotificationScheduler>();
                var dispatcher = app.Services.GetRequiredService<DeliveryDispatcher>();
                while (sink.Messages.Count < Reminders && clock.Elapsed < Patience)
                {
                    await scheduler.RunOnceAsync(Ct);
                    while (await dispatcher.RunOnceAsync(Ct) > 0)
                    {
                    }

                    await Task.Delay(100, Ct);
                }
            }, Ct)));
            var received = await sink.WaitForAsync(Reminders, Patience - clock.Elapsed);
            clock.Stop();

            TestContext.Current.SendDiagnosticMessage($"3 instances delivered {received.Count} reminders in {clock.Elapsed.TotalSeconds:0.0} s");
            await using (var db = await apps[0].Services.GetRequiredService<HeadwayDataSource>().OpenAsync(Ct))
            {
                var states = await db.ListAsync("SELECT status || ' ' || COALESCE(last_error, '') || ' ' || COUNT(*) FROM deliveries GROUP BY status, last_error", r => r.GetString(0), null, Ct);
                Assert.True(received.Count == Reminders, string.Join("; ", states));
            }

            Assert.Equal(Reminders, received.Count);
            Assert.Equal(Reminders, received.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(Reminders, received.Select(m => m.Subject).Distinct().Count());
            Assert.Equal(Reminders, await apps[0].CountAsync("SELECT COUNT(*) FROM notifications"));
            Assert.Equal(Reminders, await apps[0].CountAsync("SELECT COUNT(*) FROM deliveries WHERE status = 'sent' AND attempts = 1"));
            Assert.Equal(Reminders, await apps[0].CountAsync("SELECT COUNT(*) FROM deliveries"));
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }

    // One user with an account email and a thousand commitments due in two days: each owes a 48-hour reminder at the
    // test's clock (Monday 1 March 2027, 09:00 UTC).
    private static async Task SeedAsync(DatabaseTarget target, int count)
    {
        await using var source = HeadwayDataSource.Create(target);
        await using var db = await source.OpenAsync(Ct);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var user = await LocalOwner.EnsureAsync(db, clock, Ct);
        await db.ExecuteAsync("UPDATE users SET time_zone = 'UTC' WHERE id = @u", null, Ct, ("u", user.UserId));
        await db.ExecuteAsync(
            """
            INSERT INTO identity_users (user_id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES (@u, 'ana@example.org', 'ANA@EXAMPLE.ORG', 'ana@example.org', 'ANA@EXAMPLE.ORG', TRUE, 's', 'c', FALSE, FALSE, TRUE, 0)
            """, null, Ct, ("u", user.UserId));
        var goal = await db.LongAsync(
            "INSERT INTO goals (user_id, title, area, status, created_at, updated_at, version) VALUES (@u, 'Race season', 'fitness', 'active', @now, @now, 1) RETURNING id",
            null, Ct, ("u", user.UserId), ("now", clock.GetUtcNow().UtcDateTime));
        await db.ExecuteAsync(
            """
            INSERT INTO commitments (user_id, goal_id, due, event_name, status, created_at, version)
            SELECT @u, @g, @due, 'Race ' || n, 'locked', @now, 1 FROM generate_series(1, @count) AS n
            """, null, Ct, ("u", user.UserId), ("g", goal), ("due", new DateOnly(2027, 3, 3)), ("now", clock.GetUtcNow().UtcDateTime), ("count", count));
    }
}
