using Headway.App.CheckIns;
using Headway.App.Notifications;
using Headway.Web.Accounts;
using Headway.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Headway.Web.Notifications;

/// <summary>
/// Notifications: the SMTP mailer (settings checked at start), the webhook client, the delivery worker and the
/// scheduler; the feed's and the settings page's form posts.
/// </summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpSettings>().Bind(configuration.GetSection(SmtpSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpSettings>, SmtpSettingsValidation>();
        services.AddOptions<WebhookSettings>().Bind(configuration.GetSection(WebhookSettings.Section));
        services.AddSingleton<IMailer, SmtpMailer>();
        services.AddOptions<PublicUrlSettings>().Bind(configuration.GetSection("Headway")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicUrlSettings>, PublicUrlSettings.Validation>();
        services.AddSingleton<PublicAddress>();

        services.AddHttpClient<WebhookSender>(client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookSender.Handler(sp.GetRequiredService<IOptions<WebhookSettings>>().Value.AllowPrivateNetworks));
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<NotificationScheduler>();
        services.AddHostedService<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationScheduler>());
        return services;
    }

    // Each post binds the form (IFormCollection), which is what makes a minimal API endpoint refuse a post without
    // the antiforgery token: the middleware only checks the token, the form binding enforces the result.
    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapPost("/notifications/read-all", async (IFormCollection form, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        {
            var n = await Feed.MarkAllReadAsync(await planner.OpenAsync(http.User, ct), ct);
            Flash.Ok(http, n == 0 ? "Nothing was unread." : $"Marked {n} notification{(n == 1 ? "" : "s")} read.");
            return Results.Redirect("/notifications");
        });

        var settings = app.MapGroup("/settings/notifications");
        settings.MapPost("/webhooks/{id:long}/remove", async (long id, IFormCollection form, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        {
            var removed = await RemoveWebhook.RunAsync(await planner.OpenAsync(http.User, ct), id, ct);
            if (!removed.IsOk)
            {
                return Results.StatusCode(ErrorStatus.For(removed.Error!.Kind));
            }

            Flash.Ok(http, $"Removed the webhook {removed.Value.Url}.");
            return Results.Redirect("/settings/notifications");
        });
        settings.MapPost("/check-in", async (IFormCollection form, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        {
            var sent = await SendCheckIn.NowAsync(await planner.OpenAsync(http.User, ct), ct);
            if (sent.IsOk)
            {
                Flash.Ok(http, $"Check-in sent to {string.Join(", ", sent.Value.Select(c => c.PartnerName))}.");
            }
            else
            {
                Flash.Error(http, sent.Error!.Message);
            }

            return Results.Redirect("/settings/notifications");
        });
        return app;
    }

}
