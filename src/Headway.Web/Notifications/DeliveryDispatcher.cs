using Headway.App.Notifications;
using Headway.App.Storage;
using Headway.Web.Hosting;

namespace Headway.Web.Notifications;

/// <summary>
/// Works the delivery ledger off: claims due deliveries with a lease, sends each (email through the mailer, a signed
/// post to a webhook), and marks it sent, failed for a later retry, or skipped when it can never be sent.
/// </summary>
public sealed class DeliveryDispatcher(
    HeadwayDataSource source, IMailer mailer, WebhookSender webhooks, PublicAddress address, TimeProvider clock, ILogger<DeliveryDispatcher> log)
{
    public const int BatchSize = 50;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>This instance's name in the ledger's leased_by column.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims and sends one batch; returns how many deliveries it claimed (0 when none were due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        IReadOnlyList<ClaimedDelivery> claimed;
        await using (var db = await source.OpenAsync(ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            claimed = await DeliveryLedger.ClaimAsync(db, WorkerId, now, now + Lease, BatchSize, ct);
        }

        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, SendOneAsync);
        return claimed.Count;
    }

    private async ValueTask SendOneAsync(ClaimedDelivery claimed, CancellationToken ct)
    {
        // The feed's links are app paths; outside the app, in an email or a webhook post, they must stand on their own.
        var d = claimed with { Link = address.Absolute(claimed.Link) };
        await using var db = await source.OpenAsync(ct);
        try
        {
            if (d.Channel == "email")
            {
                if (!mailer.IsConfigured)
                {
                    await DeliveryLedger.MarkSkippedAsync(db, d, WorkerId, "Email is not configured on this server (Headway:Smtp:Host).", ct);
                    return;
                }

                await mailer.SendAsync(new MailMessage(d.Recipient, d.Subject, WithLink(d), d.MessageId), ct);
            }
            else
            {
                var secrets = await db.ListAsync(
                    "SELECT secret FROM webhooks WHERE user_id = @u AND url = @url AND disabled_at IS NULL ORDER BY id",
                    r => r.GetString(0), null, ct, ("u", d.UserId), ("url", d.Recipient));
                if (secrets.Count == 0)
                {
                    await DeliveryLedger.MarkSkippedAsync(db, d, WorkerId, "The webhook was removed before this post was sent.", ct);
                    return;
                }

                await webhooks.SendAsync(d, secrets[0], ct);
            }

            await DeliveryLedger.MarkSentAsync(db, d, WorkerId, clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = WebhookSender.Describe(e);
            log.LogWarning("Delivery {Id} ({Channel}) failed on attempt {Attempt}: {Error}", d.Id, d.Channel, d.Attempts, error);
            await DeliveryLedger.MarkFailedAsync(db, d, WorkerId, error, clock.GetUtcNow().UtcDateTime, Random.Shared.NextDouble(), CancellationToken.None);
        }
    }

    private static string WithLink(ClaimedDelivery d) => d.Link is { } link ? $"{d.Body}\n\n{link}" : d.Body;
}
