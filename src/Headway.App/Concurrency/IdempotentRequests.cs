using System.Data.Common;
using Headway.App.Storage;

namespace Headway.App.Concurrency;

/// <summary>A stored answer to a create request sent with an Idempotency-Key.</summary>
public sealed record StoredResponse(string RequestHash, int StatusCode, string? Location, string Body);

/// <summary>
/// The answers to create requests sent with an Idempotency-Key, kept for a day, so that a retried create returns the
/// first answer instead of making a second record. Saved in the create's own transaction: either both or neither.
/// </summary>
public static class IdempotentRequests
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    /// <summary>
    /// The answer stored under the user's key, if it is less than a day old. An older one is deleted, so that the key
    /// can be used again; the others past their day go in the hourly purge (<see cref="PurgeAsync"/>), not here: a
    /// create looks up its own key in the primary key, instead of scanning all the user's keys of the day each time.
    /// </summary>
    public static async Task<StoredResponse?> FindAsync(PlannerSession s, DbTransaction tx, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var found = await s.Db.ListAsync(
            "SELECT request_hash, status_code, location, body, created_at FROM idempotent_requests WHERE user_id = @u AND key = @k",
            r => (Response: new StoredResponse(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)), CreatedAt: r.Utc(4)),
            tx, ct, ("u", s.UserId), ("k", key));
        if (found.Count == 0)
        {
            return null;
        }

        if (found[0].CreatedAt >= s.NowUtc - KeptFor)
        {
            return found[0].Response;
        }

        await s.Db.ExecuteAsync("DELETE FROM idempotent_requests WHERE user_id = @u AND key = @k", tx, ct, ("u", s.UserId), ("k", key));
        return null;
    }

    public static Task SaveAsync(PlannerSession s, DbTransaction tx, string key, StoredResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(response);
        return s.Db.ExecuteAsync(
            """
            INSERT INTO idempotent_requests (user_id, key, request_hash, status_code, location, body, created_at)
            VALUES (@u, @k, @h, @status, @location, @body, @now)
            """, tx, ct,
            ("u", s.UserId), ("k", key), ("h", response.RequestHash), ("status", response.StatusCode), ("location", response.Location),
            ("body", response.Body), ("now", s.NowUtc));
    }

    /// <summary>Deletes every user's keys older than a day (users who stopped sending requests leave theirs behind).</summary>
    public static Task<int> PurgeAsync(Storage.HeadwayDb db, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ExecuteAsync("DELETE FROM idempotent_requests WHERE created_at < @cutoff", null, ct, ("cutoff", nowUtc - KeptFor));
    }
}
