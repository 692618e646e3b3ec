using System.Net;
using System.Security.Cryptography;
using Headway.Core;

namespace Headway.App.Notifications;

/// <summary>A webhook as listed: the secret is only ever shown once, when it is added.</summary>
public sealed record Webhook(long Id, string Url, DateTime CreatedAt);

/// <summary>A webhook just added, with its signing secret (shown this once).</summary>
public sealed record NewWebhook(Webhook Webhook, string Secret);

/// <summary>Adds an address that receives the user's notifications as signed posts.</summary>
public static class AddWebhook
{
    public const int MaxPerUser = 5;

    public static async Task<Result<NewWebhook>> RunAsync(
        PlannerSession s, string? url, bool allowPrivate, Func<string, CancellationToken, Task<IPAddress[]>> resolve, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parsed = WebhookAddress.ParseUrl(url);
        if (!parsed.IsOk)
        {
            return parsed.Error!;
        }

        var checkedUrl = await WebhookAddress.CheckAsync(parsed.Value, allowPrivate, resolve, ct);
        if (!checkedUrl.IsOk)
        {
            return checkedUrl.Error!;
        }

        var text = checkedUrl.Value.AbsoluteUri;
        var secret = "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = s.NowUtc;
        return await s.Db.WriteAsync<NewWebhook>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var existing = await s.Db.ListAsync("SELECT url FROM webhooks WHERE user_id = @u AND disabled_at IS NULL", r => r.GetString(0), tx, ct, ("u", s.UserId));
            if (existing.Contains(text, StringComparer.Ordinal))
            {
                return Error.Refused("That webhook URL is already on the list: remove it first to get a new secret.");
            }

            if (existing.Count >= MaxPerUser)
            {
                return Error.Refused($"You already have {MaxPerUser} webhooks: remove one before adding another.");
            }

            var id = await s.Db.LongAsync(
                "INSERT INTO webhooks (user_id, url, secret, created_at) VALUES (@u, @url, @secret, @now) RETURNING id", tx, ct,
                ("u", s.UserId), ("url", text), ("secret", secret), ("now", now));
            return new NewWebhook(new Webhook(id, text, now), secret);
        }, ct);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
