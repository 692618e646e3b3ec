using Headway.App.Notifications;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;

namespace Headway.App.Tests.Notifications;

/// <summary>The ledger's claims: leases keep two workers off one delivery, an abandoned lease is taken over, failures back off.</summary>
public sealed class DeliveryLedgerTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    private static async Task<long> QueueAsync(TestPlanner planner, string key)
    {
        var s = planner.Session;
        var result = await s.Db.WriteAsync(async tx => Result<long?>.Ok(await Notify.EnqueueAsync(s.Db, tx,
            new Notice(s.UserId, "reminder", key, "Due today: send the pitch", "It is due today."), s.NowUtc, Ct)), Ct);
        return result.Value!.Value;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AWorkerDiesMidSend_TheDeliveryIsClaimedAgainAfterItsLeaseAndSentOnce(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        await NotificationTestData.GiveEmailAsync(planner.Session.Db, planner.Session.UserId, "ana@example.org");
        await QueueAsync(planner, "reminder-day:action:1:2027-03-03");
        var now = planner.Session.NowUtc;
        var lease = TimeSpan.FromMinutes(2);

        // Worker A claims, then "crashes": it never marks the delivery.
        var a = await DeliveryLedger.ClaimAsync(await planner.OpenAsync(), "A", now, now + lease, 10, Ct);
        Assert.Single(a);
        // While A's lease runs, nobody else gets it.
        Assert.Empty(await DeliveryLedger.ClaimAsync(await planner.OpenAsync(), "B", now.AddSeconds(30), now.AddSeconds(30) + lease, 10, Ct));

        var later = now + lease + TimeSpan.FromSeconds(1);
        var b = await DeliveryLedger.ClaimAsync(await planner.OpenAsync(), "B", later, later + lease, 10, Ct);
        var again = Assert.Single(b);
        Assert.Equal(a[0].Id, again.Id);
        Assert.Equal(2, again.Attempts);
        // The keys a receiver deduplicates by are the same on both attempts.
        Assert.Equal(a[0].IdempotencyKey, again.IdempotencyKey);
        Assert.Equal(a[0].MessageId, again.MessageId);

        Assert.True(await DeliveryLedger.MarkSentAsync(planner.Session.Db, again, "B", later, Ct));
        // A comes back to life: its stale lease can no longer settle the row.
        Assert.False(await DeliveryLedger.MarkSentAsync(planner.Session.Db, a[0], "A", later, Ct));
        Assert.Equal(1, await planner.CountAsync("SELECT COUNT(*) FROM deliveries"));
        Assert.Equal(1, await planner.CountAsync("SELECT COUNT(*) FROM deliveries WHERE status = 'sent' AND sent_at IS NOT NULL"));
        Assert.Empty(await DeliveryLedger.ClaimAsync(planner.Session.Db, "C", later.AddHours(1), later.AddHours(2), 10, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AFailedSend_WaitsItsBackoffThenRetries_AndGivesUpAfterTheLimit(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var db = planner.Session.Db;
        await NotificationTestData.GiveEmailAsync(db, planner.Session.UserId, "ana@example.org");
        await QueueAsync(planner, "k1");
        var now = planner.Session.NowUtc;

        var first = Assert.Single(await DeliveryLedger.ClaimAsync(db, "A", now, now.AddMinutes(2), 10, Ct));
        await DeliveryLedger.MarkFailedAsync(db, first, "A", "connection refused", now, jitter: 0, Ct);
        Assert.Empty(await DeliveryLedger.ClaimAsync(db, "A", now.AddSeconds(29), now.AddMinutes(3), 10, Ct));
        var second = Assert.Single(await DeliveryLedger.ClaimAsync(db, "A", now.AddSeconds(30), now.AddMinutes(3), 10, Ct));
        Assert.Equal(2, second.Attempts);

        var at = now.AddSeconds(30);
        var current = second;
        while (current.Attempts < DeliveryLedger.MaxAttempts)
        {
            await DeliveryLedger.MarkFailedAsync(db, current, "A", "connection refused", at, jitter: 0.99, Ct);
            at = at.AddDays(1);
            current = Assert.Single(await DeliveryLedger.ClaimAsync(db, "A", at, at.AddMinutes(2), 10, Ct));
        }

        await DeliveryLedger.MarkFailedAsync(db, current, "A", "connection refused", at, jitter: 0, Ct);
        Assert.Equal(1, await planner.CountAsync("SELECT COUNT(*) FROM deliveries WHERE status = 'failed' AND last_error = 'connection refused'"));
        Assert.Empty(await DeliveryLedger.ClaimAsync(db, "A", at.AddDays(30), at.AddDays(31), 10, Ct));
    }

    [Fact]
    public void Backoff_DoublesWithJitterUpToSixHours()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), DeliveryLedger.Backoff(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(60), DeliveryLedger.Backoff(2, 0));
        Assert.Equal(TimeSpan.FromSeconds(90), DeliveryLedger.Backoff(2, 1));
        Assert.Equal(TimeSpan.FromHours(6), DeliveryLedger.Backoff(30, 0));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WorkersClaimingAtOnce_NeverShareADelivery(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        await NotificationTestData.GiveEmailAsync(planner.Session.Db, planner.Session.UserId, "ana@example.org");
        for (var i = 0; i < 60; i++)
        {
            await QueueAsync(planner, $"k{i}");
        }

        var now = planner.Session.NowUtc;
        var dbs = new List<HeadwayDb>();
        for (var w = 0; w < 4; w++)
        {
            dbs.Add(await planner.OpenAsync());
        }

        var claims = await Task.WhenAll(dbs.Select((db, w) => Task.Run(async () =>
        {
            var mine = new List<long>();
            while ((await DeliveryLedger.ClaimAsync(db, $"W{w}", now, now.AddMinutes(2), 5, Ct)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(d => d.Id));
            }

            return mine;
        }, Ct)));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }
}
