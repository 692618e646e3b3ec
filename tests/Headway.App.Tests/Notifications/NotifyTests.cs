using Headway.App.Notifications;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;

namespace Headway.App.Tests.Notifications;

/// <summary>A notification lands in the feed once per key, with one ledger row per channel the recipient has.</summary>
public sealed class NotifyTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SameKeyTwice_OneNotificationAndOneDeliveryPerChannel(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var now = s.NowUtc;
        await s.Db.ExecuteAsync(
            """
            INSERT INTO identity_users (user_id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES (@u, 'sam@example.org', 'SAM@EXAMPLE.ORG', 'sam@example.org', 'SAM@EXAMPLE.ORG', TRUE, 's', 'c', FALSE, FALSE, TRUE, 0)
            """, null, Ct, ("u", s.UserId));
        await s.Db.ExecuteAsync(
            "INSERT INTO webhooks (user_id, url, secret, created_at) VALUES (@u, 'https://hooks.example.org/a', 'k', @now)",
            null, Ct, ("u", s.UserId), ("now", now));
        await s.Db.ExecuteAsync(
            "INSERT INTO webhooks (user_id, url, secret, created_at, disabled_at) VALUES (@u, 'https://hooks.example.org/off', 'k', @now, @now)",
            null, Ct, ("u", s.UserId), ("now", now));
        var notice = new Notice(s.UserId, "reminder", "reminder-48h:commitment:1", "Hometown 5K in 2 days", "Sunday 14 March.");

        var first = await s.Db.WriteAsync(async tx => Result<long?>.Ok(await Notify.EnqueueAsync(s.Db, tx, notice, now, Ct)), Ct);
        var again = await s.Db.WriteAsync(async tx => Result<long?>.Ok(await Notify.EnqueueAsync(s.Db, tx, notice, now, Ct)), Ct);

        Assert.NotNull(first.Value);
        Assert.Null(again.Value);
        var deliveries = await s.Db.ListAsync(
            "SELECT channel, recipient, status FROM deliveries WHERE notification_id = @n ORDER BY channel",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)), null, Ct, ("n", first.Value));
        Assert.Equal([("email", "sam@example.org", "pending"), ("webhook", "https://hooks.example.org/a", "pending")], deliveries);
        Assert.Equal(1, await s.Db.LongAsync("SELECT COUNT(*) FROM notifications", null, Ct));
    }
}
