using Headway.App.Notifications;
using Headway.Core;
using Headway.Web.Notifications;
using Headway.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Headway.Web.Tests.Notifications;

/// <summary>What the notification tests share: queueing a notice, and working the ledger off as the delivery worker does.</summary>
internal static class Deliveries
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<long?> NotifyAsync(
        WebApp app, long? userId, string key, string subject = "Due today: send the pitch", string body = "It is due today.", string link = "/") =>
        app.AsUserAsync(userId, async s => (await s.Db.WriteAsync(async tx => Result<long?>.Ok(
            await Notify.EnqueueAsync(s.Db, tx, new Notice(s.UserId, "reminder", key, subject, body, link), s.NowUtc, Ct)), Ct)).Value);

    /// <summary>Runs the dispatcher until nothing due is left (the background worker may be sending at the same time).</summary>
    public static async Task DrainAsync(WebApp app)
    {
        var dispatcher = app.Services.GetRequiredService<DeliveryDispatcher>();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            await dispatcher.RunOnceAsync(Ct);
            if (await app.CountAsync("SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND (attempts = 0 OR lease_until IS NOT NULL)") == 0)
            {
                return;
            }

            await Task.Delay(20, Ct);
        }

        Assert.Fail("The ledger was not worked off within 30 seconds.");
    }
}
