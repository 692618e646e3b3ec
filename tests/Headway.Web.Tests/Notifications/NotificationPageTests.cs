using System.Net;
using System.Text.RegularExpressions;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Notifications;

/// <summary>The in-app feed with its unread count, and the notification settings page.</summary>
public sealed partial class NotificationPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Feed_ShowsNewestFirst_MarksUnread_CountsThemInTheNav_AndMarksAllRead(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        await Deliveries.NotifyAsync(web.App, null, "k-old", "Commitment due in 2 days: Hometown 5K");
        web.App.Clock.Advance(TimeSpan.FromHours(1));
        await Deliveries.NotifyAsync(web.App, null, "k-new", "Bo missed nothing & cheered you on");

        var page = await owner.PageAsync("/notifications");
        Assert.Contains("aria-label=\"2 unread\"", page, StringComparison.Ordinal);
        var newer = page.IndexOf("Bo missed nothing &amp; cheered you on", StringComparison.Ordinal);
        var older = page.IndexOf("Commitment due in 2 days: Hometown 5K", StringComparison.Ordinal);
        Assert.True(newer > 0 && older > newer, "newest first");
        Assert.Equal(2, UnreadItem().Count(page));
        // The count shows in the nav of every page.
        Assert.Contains("aria-label=\"2 unread\"", await owner.PageAsync("/settings"), StringComparison.Ordinal);

        var after = await owner.FollowAsync(await owner.SubmitAsync("/notifications", "/notifications/read-all"));
        Assert.Contains("Marked 2 notifications read.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("unread\"", after, StringComparison.Ordinal);
        Assert.Equal(0, UnreadItem().Count(after));
        Assert.Contains("Hometown 5K", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_IsPerPerson_AndMarkAllReadNeedsTheFormToken()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        using var bo = await web.App.PersonAsync("bo@example.org");
        await Deliveries.NotifyAsync(web.App, null, "k-ana", "For Ana only");
        Assert.DoesNotContain("For Ana only", await bo.PageAsync("/notifications"), StringComparison.Ordinal);

        using var forged = await owner.PostAsync("/notifications/read-all", []);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Settings_AddAWebhook_ShowsTheSecretOnce_ListsIt_AndRemovesIt(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();

        using (var refused = await owner.SubmitAsync("/settings/notifications", "value=\"add-webhook\"", ("Url", "http://10.0.0.8/hook")))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("resolves to 10.0.0.8, a loopback, private or link-local address", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM webhooks"));

        string page;
        using (var added = await owner.SubmitAsync("/settings/notifications", "value=\"add-webhook\"", ("Url", "https://93.184.216.34/headway")))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            page = await added.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        var secret = Secret().Match(page).Value;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var again = await owner.PageAsync("/settings/notifications");
        Assert.Contains("https://93.184.216.34/headway", again, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);

        var id = await web.App.CountAsync("SELECT id FROM webhooks");
        var removed = await owner.FollowAsync(await owner.SubmitAsync("/settings/notifications", $"/settings/notifications/webhooks/{id}/remove"));
        Assert.Contains("Removed the webhook https://93.184.216.34/headway.", removed, StringComparison.Ordinal);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM webhooks"));
    }

    [Fact]
    public async Task Settings_SomeoneElsesWebhook_Is404()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        await owner.SubmitAsync("/settings/notifications", "value=\"add-webhook\"", ("Url", "https://93.184.216.34/headway"));
        var id = await web.App.CountAsync("SELECT id FROM webhooks");
        using var bo = await web.App.PersonAsync("bo@example.org");
        using var response = await bo.SubmitAsync("/settings/notifications", "value=\"add-webhook\"", ("Url", "https://93.184.216.34/other"));
        var html = await bo.PageAsync("/settings/notifications");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var foreign = await bo.PostAsync($"/settings/notifications/webhooks/{id}/remove", [("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(2, await web.App.CountAsync("SELECT COUNT(*) FROM webhooks"));
    }

    [Fact]
    public async Task Settings_CheckInTime_AndSendNowWithoutAPartner()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var page = await owner.PageAsync("/settings/notifications");
        Assert.Contains("the default: the last day of your week", page, StringComparison.Ordinal);

        using (var saved = await owner.SubmitAsync("/settings/notifications", "value=\"check-in-time\"", ("Day", "friday"), ("Hour", "9")))
        {
            var html = await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("every <strong>Friday</strong> at <strong>09:00</strong>", html, StringComparison.Ordinal);
        }

        var sent = await owner.FollowAsync(await owner.SubmitAsync("/settings/notifications", "/settings/notifications/check-in"));
        Assert.Contains("You have no accountability partner to send a check-in to", sent, StringComparison.Ordinal);
    }

    [GeneratedRegex("feed-item unread")]
    private static partial Regex UnreadItem();

    [GeneratedRegex("whsec_[A-Za-z0-9_-]+")]
    private static partial Regex Secret();
}
