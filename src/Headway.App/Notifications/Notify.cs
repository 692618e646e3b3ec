using System.Data.Common;
using Headway.App.Storage;

namespace Headway.App.Notifications;

/// <summary>
/// One thing to tell one person. <paramref name="Key"/> names the event and the recipient
/// ("request:31:partner:4", "reminder-48h:commitment:17"): the same key is only ever notified once.
/// </summary>
public sealed record Notice(long RecipientUserId, string Kind, string Key, string Subject, string Body, string? Link = null, long? AboutUserId = null);

/// <summary>
/// Records a notification in the recipient's in-app feed and queues its deliveries in the ledger (an email to the
/// recipient's account address, a post to each of their webhooks), inside the caller's transaction, so a notification
/// exists exactly when the change that caused it was committed. A background sender works the ledger off.
/// </summary>
public static class Notify
{
    /// <returns>The new notification's id, or null when one with the same key already exists.</returns>
    public static async Task<long?> EnqueueAsync(HeadwayDb db, DbTransaction tx, Notice notice, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notice);
        var ids = await db.ListAsync(
            """
            INSERT INTO notifications (user_id, kind, key, subject, body, link, about_user_id, created_at)
            VALUES (@u, @kind, @key, @subject, @body, @link, @about, @now)
            ON CONFLICT (key) DO NOTHING
            RETURNING id
            """, r => r.GetInt64(0), tx, ct,
            ("u", notice.RecipientUserId), ("kind", notice.Kind), ("key", notice.Key), ("subject", notice.Subject),
            ("body", notice.Body), ("link", notice.Link), ("about", notice.AboutUserId), ("now", nowUtc));
        if (ids.Count == 0)
        {
            return null;
        }

        await db.ExecuteAsync(
            """
            INSERT INTO deliveries (notification_id, channel, recipient, status, attempts, next_attempt_at, created_at)
            SELECT @n, 'email', email, 'pending', 0, @now, @now FROM identity_users WHERE user_id = @u AND email IS NOT NULL
            UNION ALL
            SELECT @n, 'webhook', url, 'pending', 0, @now, @now FROM webhooks WHERE user_id = @u AND disabled_at IS NULL
            """, tx, ct, ("n", ids[0]), ("u", notice.RecipientUserId), ("now", nowUtc));
        return ids[0];
    }
}
