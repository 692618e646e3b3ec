using Headway.App.Storage;

namespace Headway.App.Notifications;

/// <summary>One delivery taken from the ledger for sending, with the notification it carries.</summary>
public sealed record ClaimedDelivery(
    long Id, long NotificationId, string Channel, string Recipient, int Attempts,
    long UserId, string Kind, string Key, string Subject, string Body, string? Link, DateTime CreatedAt)
{
    /// <summary>Stable per delivery, so a receiver can drop a resend after a crash mid-send (the webhook's Idempotency-Key).</summary>
    public string IdempotencyKey => $"headway-delivery-{Id}";

    /// <summary>Stable per delivery, so a mail client can drop a resend (the email's Message-Id, without angle brackets).</summary>
    public string MessageId => $"delivery-{Id}.notification-{NotificationId}@headway.invalid";
}

/// <summary>
/// The delivery ledger's claims. A worker claims due pending rows by setting a lease; it marks each sent, failed
/// (to retry later) or skipped. A worker that dies mid-send leaves a lease that expires, and the row is claimed
/// again: sending is at-least-once, and the per-delivery keys let receivers deduplicate.
/// </summary>
public static class DeliveryLedger
{
    public const int MaxAttempts = 8;

    private const string Columns =
        """
        d.id, d.notification_id, d.channel, d.recipient, d.attempts, n.user_id, n.kind, n.key, n.subject, n.body, n.link, n.created_at
        """;

    /// <summary>
    /// Leases up to <paramref name="limit"/> due deliveries to <paramref name="worker"/> until <paramref name="leaseUntil"/>.
    /// PostgreSQL skips rows another worker is claiming at the same moment (FOR UPDATE SKIP LOCKED); SQLite has one
    /// writer at a time, so its immediate transaction does the same.
    /// </summary>
    public static async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(
        HeadwayDb db, string worker, DateTime nowUtc, DateTime leaseUntil, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var due = db.Provider == Provider.Postgres
            ? "SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now) ORDER BY next_attempt_at, id LIMIT @n FOR UPDATE SKIP LOCKED"
            : "SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now) ORDER BY next_attempt_at, id LIMIT @n";
        var result = await db.WriteAsync<List<long>>(async tx => await db.ListAsync(
            $"UPDATE deliveries SET lease_until = @until, leased_by = @w, attempts = attempts + 1 WHERE id IN ({due}) RETURNING id",
            r => r.GetInt64(0), tx, ct, ("now", nowUtc), ("until", leaseUntil), ("w", worker), ("n", limit)), ct);
        if (result.Value.Count == 0)
        {
            return [];
        }

        var ids = string.Join(',', result.Value.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return await db.ListAsync(
            $"SELECT {Columns} FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.id IN ({ids}) ORDER BY d.id",
            r => new ClaimedDelivery(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt64(5),
                r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.NullableString(10), r.Utc(11)),
            null, ct);
    }

    /// <summary>Marks a claimed delivery sent. False when the lease was lost meanwhile (another worker took it over).</summary>
    public static async Task<bool> MarkSentAsync(HeadwayDb db, ClaimedDelivery d, string worker, DateTime nowUtc, CancellationToken ct) =>
        await Settle(db, d, worker, "status = 'sent', sent_at = @now, last_error = NULL", ct, ("now", nowUtc)) > 0;

    /// <summary>Marks a delivery that will never be sent (no SMTP server configured, the webhook removed), with the reason.</summary>
    public static Task<int> MarkSkippedAsync(HeadwayDb db, ClaimedDelivery d, string worker, string reason, CancellationToken ct) =>
        Settle(db, d, worker, "status = 'skipped', last_error = @e", ct, ("e", Shorten(reason)));

    /// <summary>
    /// Records a failed attempt: the delivery is retried after an exponential backoff with jitter, or given up
    /// (status failed) after <see cref="MaxAttempts"/> attempts.
    /// </summary>
    public static Task<int> MarkFailedAsync(HeadwayDb db, ClaimedDelivery d, string worker, string error, DateTime nowUtc, double jitter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Attempts >= MaxAttempts
            ? Settle(db, d, worker, "status = 'failed', last_error = @e", ct, ("e", Shorten(error)))
            : Settle(db, d, worker, "next_attempt_at = @next, last_error = @e", ct,
                ("next", nowUtc + Backoff(d.Attempts, jitter)), ("e", Shorten(error)));
    }

    /// <summary>
    /// 30 s, 1 min, 2 min, … doubling per attempt up to 6 hours, stretched by a jitter in [0, 1) of up to half again,
    /// so many deliveries failing together (a receiver down) do not all come back at the same second.
    /// </summary>
    public static TimeSpan Backoff(int attempts, double jitter)
    {
        var seconds = Math.Min(30 * Math.Pow(2, Math.Max(0, attempts - 1)), 6 * 3600);
        return TimeSpan.FromSeconds(seconds * (1 + Math.Clamp(jitter, 0, 1) / 2));
    }

    // Settles only a lease we still hold: a worker whose lease expired must not overwrite the one that took over.
    private static Task<int> Settle(HeadwayDb db, ClaimedDelivery d, string worker, string set, CancellationToken ct, params (string, object?)[] args) =>
        db.ExecuteAsync(
            $"UPDATE deliveries SET {set}, lease_until = NULL, leased_by = NULL WHERE id = @id AND leased_by = @w AND status = 'pending'",
            null, ct, [("id", d.Id), ("w", worker), .. args]);

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];
}
