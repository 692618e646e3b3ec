using System.Text.Json;
using Headway.App.Notifications;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Notifications;
using Headway.Web.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace Headway.Web.Tests.Notifications;

/// <summary>Real SMTP exchanges and webhook posts from the delivery worker, and settings checked at start.</summary>
public sealed class DeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mailer_SendsARealSmtpMessage_WithTheGivenMessageId()
    {
        await using var sink = SmtpSink.Start();
        var mailer = new SmtpMailer(Options.Create(new SmtpSettings
        {
            Host = "127.0.0.1",
            Port = sink.Port,
            Security = "none",
            From = "Headway <headway@example.org>",
        }));
        Assert.True(mailer.IsConfigured);

        await mailer.SendAsync(new MailMessage("bo@example.org", "Ana's check-in", "Progress ratio: 80%.", "delivery-7.notification-3@headway.invalid"), Ct);

        var message = Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(60)));
        Assert.Equal("Ana's check-in", message.Subject);
        Assert.Equal("bo@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("headway@example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("delivery-7.notification-3@headway.invalid", message.MessageId);
        Assert.Contains("Progress ratio: 80%.", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSmtpHost_MeansEmailIsOff_WhileOtherSmtpSettingsAloneAreAnError()
    {
        Assert.True(new SmtpSettingsValidation().Validate(null, new SmtpSettings()).Succeeded);
        var half = new SmtpSettingsValidation().Validate(null, new SmtpSettings { From = "headway@example.org" });
        Assert.Contains("no Host", half.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ANotification_ArrivesByEmailAndAsASignedWebhookPost_Once(Provider provider)
    {
        await using var sink = SmtpSink.Start();
        using var hook = new WebhookListener();
        await using var web = await TestWeb.StartAsync(provider);
        sink.Configure(web.App);
        web.App.Settings["Headway:Webhooks:AllowPrivateNetworks"] = "true";
        using var owner = await web.App.OwnerAsync();
        var added = await web.App.AsUserAsync(null, s => AddWebhook.RunAsync(s, hook.Url, allowPrivate: true, (_, _) => Task.FromResult(Array.Empty<System.Net.IPAddress>()), Ct));
        hook.Secret = added.Value.Secret;

        var id = await Deliveries.NotifyAsync(web.App, null, "reminder-day:action:9:2027-03-01");
        await Deliveries.DrainAsync(web.App);

        var mail = Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(60)));
        Assert.Equal(WebApp.OwnerEmail, mail.To.Mailboxes.Single().Address);
        Assert.Equal("Due today: send the pitch", mail.Subject);
        Assert.Matches("^delivery-[0-9]+\\.notification-[0-9]+@headway\\.invalid$", mail.MessageId);

        var post = Assert.Single(hook.Posts);
        Assert.True(post.SignatureValid, $"signature {post.Signature} does not check out");
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", post.Signature!);
        Assert.Matches("^headway-delivery-[0-9]+$", post.IdempotencyKey!);
        using var json = JsonDocument.Parse(post.Body);
        Assert.Equal(id, json.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("reminder", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("Due today: send the pitch", json.RootElement.GetProperty("subject").GetString());

        Assert.Equal(2, await web.App.CountAsync("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'"));
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM deliveries WHERE status <> 'sent'"));
    }

    [Fact]
    public async Task LinksInEmailsAndWebhookPosts_StandOnTheirOwn_OnThePublicUrl()
    {
        await using var sink = SmtpSink.Start();
        using var hook = new WebhookListener();
        await using var web = await TestWeb.StartAsync();
        sink.Configure(web.App);
        web.App.Settings["Headway:PublicUrl"] = "https://plans.example.org/headway/";
        web.App.Settings["Headway:Webhooks:AllowPrivateNetworks"] = "true";
        using var owner = await web.App.OwnerAsync();
        var added = await web.App.AsUserAsync(null, s => AddWebhook.RunAsync(s, hook.Url, allowPrivate: true, (_, _) => Task.FromResult(Array.Empty<System.Net.IPAddress>()), Ct));
        hook.Secret = added.Value.Secret;

        await Deliveries.NotifyAsync(web.App, null, "checkin:week:2027-03-01", "Ana's week", "3 outcomes.", link: "/people/3");
        await Deliveries.DrainAsync(web.App);

        var mail = Assert.Single(await sink.WaitForAsync(1, TimeSpan.FromSeconds(60)));
        Assert.EndsWith("3 outcomes.\n\nhttps://plans.example.org/headway/people/3", (mail.TextBody ?? "").ReplaceLineEndings("\n").TrimEnd(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Assert.Single(hook.Posts).Body);
        Assert.Equal("https://plans.example.org/headway/people/3", json.RootElement.GetProperty("link").GetString());
    }

    [Fact]
    public async Task WithoutSmtp_EmailDeliveriesAreSkipped_NotRetriedForever()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        await Deliveries.NotifyAsync(web.App, null, "k-skip");
        await Deliveries.DrainAsync(web.App);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM deliveries WHERE channel = 'email' AND status = 'skipped' AND last_error LIKE '%not configured%'"));
    }

    [Fact]
    public async Task AWebhookThatNowReachesAPrivateAddress_IsRefusedAtSendTime()
    {
        using var hook = new WebhookListener();
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        // As if the name resolved to a public address when it was added and to loopback now (DNS rebinding).
        await web.App.AsUserAsync(null, s => s.Db.ExecuteAsync(
            "INSERT INTO webhooks (user_id, url, secret, created_at) VALUES (@u, @url, 'whsec_x', @now)", null, Ct,
            ("u", s.UserId), ("url", hook.Url), ("now", s.NowUtc)));
        await Deliveries.NotifyAsync(web.App, null, "k-rebind");
        await Deliveries.DrainAsync(web.App);

        Assert.Empty(hook.Posts);
        Assert.Equal(1, await web.App.CountAsync(
            "SELECT COUNT(*) FROM deliveries WHERE channel = 'webhook' AND status = 'pending' AND attempts = 1 AND last_error LIKE '%loopback, private or link-local%'"));
    }

    [Fact]
    public async Task AWebhookAnsweringAnError_IsRetriedLater()
    {
        using var hook = new WebhookListener { Status = 503 };
        await using var web = await TestWeb.StartAsync();
        web.App.Settings["Headway:Webhooks:AllowPrivateNetworks"] = "true";
        using var owner = await web.App.OwnerAsync();
        var added = await web.App.AsUserAsync(null, s => AddWebhook.RunAsync(s, hook.Url, allowPrivate: true, (_, _) => Task.FromResult(Array.Empty<System.Net.IPAddress>()), Ct));
        hook.Secret = added.Value.Secret;
        await Deliveries.NotifyAsync(web.App, null, "k-503");
        await Deliveries.DrainAsync(web.App);
        Assert.Single(hook.Posts);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND last_error LIKE '%503%'"));

        hook.Status = 200;
        web.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Deliveries.DrainAsync(web.App);
        Assert.Equal(2, hook.Posts.Count);
        Assert.Single(hook.Posts.Select(p => p.IdempotencyKey).Distinct());
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'"));
    }
}
