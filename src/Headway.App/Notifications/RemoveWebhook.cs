using Headway.App.Storage;
using Headway.Core;

namespace Headway.App.Notifications;

/// <summary>Removes a webhook; posts still queued for it are skipped rather than sent.</summary>
public static class RemoveWebhook
{
    public static async Task<Result<Webhook>> RunAsync(PlannerSession s, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        return await s.Db.WriteAsync<Webhook>(async tx =>
        {
            var found = await s.Db.SingleAsync(
                "SELECT id, url, created_at FROM webhooks WHERE id = @id AND user_id = @u AND disabled_at IS NULL",
                r => new Webhook(r.GetInt64(0), r.GetString(1), r.Utc(2)), tx, ct, ("id", id), ("u", s.UserId));
            if (found is null)
            {
                return Error.NotFound($"There is no webhook {id}: see the list on the notification settings.");
            }

            await s.Db.ExecuteAsync("DELETE FROM webhooks WHERE id = @id AND user_id = @u", tx, ct, ("id", id), ("u", s.UserId));
            return found;
        }, ct);
    }

    public static Task<List<Webhook>> ListAsync(PlannerSession s, CancellationToken ct) =>
        s.Db.ListAsync(
            "SELECT id, url, created_at FROM webhooks WHERE user_id = @u AND disabled_at IS NULL ORDER BY id",
            r => new Webhook(r.GetInt64(0), r.GetString(1), r.Utc(2)), null, ct, ("u", s.UserId));
}
