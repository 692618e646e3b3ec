using Headway.App.Storage;

namespace Headway.App.Notifications;

/// <summary>One item of the in-app feed.</summary>
public sealed record FeedItem(long Id, string Kind, string Subject, string Body, string? Link, DateTime CreatedAt, bool Unread);

/// <summary>The in-app feed: a user's notifications, newest first, and which of them are unread.</summary>
public static class Feed
{
    public const int PageSize = 100;

    public static Task<List<FeedItem>> ListAsync(PlannerSession s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Db.ListAsync(
            "SELECT id, kind, subject, body, link, created_at, read_at FROM notifications WHERE user_id = @u ORDER BY created_at DESC, id DESC LIMIT @n",
            r => new FeedItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableString(4), r.Utc(5), r.IsDBNull(6)),
            null, ct, ("u", s.UserId), ("n", PageSize));
    }

    public static Task<long> UnreadCountAsync(HeadwayDb db, long userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.LongAsync("SELECT COUNT(*) FROM notifications WHERE user_id = @u AND read_at IS NULL", null, ct, ("u", userId));
    }

    /// <summary>Marks every unread item read; returns how many were.</summary>
    public static async Task<int> MarkAllReadAsync(PlannerSession s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var result = await s.Db.WriteAsync<int>(async tx => await s.Db.ExecuteAsync(
            "UPDATE notifications SET read_at = @now WHERE user_id = @u AND read_at IS NULL", tx, ct, ("u", s.UserId), ("now", s.NowUtc)), ct);
        return result.Value;
    }
}
