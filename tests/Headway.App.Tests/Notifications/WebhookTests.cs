using System.Net;
using System.Text;
using Headway.App.Notifications;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;

namespace Headway.App.Tests.Notifications;

/// <summary>Webhook addresses: private ranges refused unless allowed, a name resolving inside refused, signatures that check.</summary>
public sealed class WebhookTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    private static Task<IPAddress[]> NoDns(string host, CancellationToken ct) => throw new InvalidOperationException($"No DNS lookup expected for {host}.");

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.20")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd00::1")]
    [InlineData("fc12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2001:db8::1")]
    public void NonPublicAddresses_AreNotPublic(string address) => Assert.False(WebhookAddress.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    public void PublicAddresses_ArePublic(string address) => Assert.True(WebhookAddress.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData(Provider.Sqlite, "http://127.0.0.1:8080/hook")]
    [InlineData(Provider.Sqlite, "http://10.0.0.7/hook")]
    [InlineData(Provider.Sqlite, "http://169.254.169.254/latest/meta-data")]
    [InlineData(Provider.Sqlite, "http://[::1]/hook")]
    [InlineData(Provider.Sqlite, "https://[fd00::1]/hook")]
    [InlineData(Provider.Postgres, "http://192.168.0.10/hook")]
    public async Task AddingAPrivateAddress_IsRefusedWithAClearMessage_AndSavesNothing(Provider provider, string url)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var added = await AddWebhook.RunAsync(planner.Session, url, allowPrivate: false, NoDns, Ct);
        Assert.Equal(ErrorKind.Refused, added.Error?.Kind);
        Assert.Contains("loopback, private or link-local", added.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("Headway:Webhooks:AllowPrivateNetworks", added.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await planner.CountAsync("SELECT COUNT(*) FROM webhooks"));
    }

    [Fact]
    public async Task AHostThatResolvesToAPrivateAddress_IsRefused()
    {
        await using var planner = await TestPlanner.CreateAsync(Provider.Sqlite);
        Task<IPAddress[]> Resolve(string host, CancellationToken ct) =>
            Task.FromResult(host == "hooks.example.org" ? new[] { IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.5") } : []);
        var added = await AddWebhook.RunAsync(planner.Session, "https://hooks.example.org/headway", allowPrivate: false, Resolve, Ct);
        Assert.Equal(ErrorKind.Refused, added.Error?.Kind);
        Assert.Contains("10.0.0.5", added.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hooks.example.org/x")]
    [InlineData("ftp://hooks.example.org/x")]
    [InlineData("https://user:pw@hooks.example.org/x")]
    public async Task AMalformedUrl_IsInvalid(string url)
    {
        await using var planner = await TestPlanner.CreateAsync(Provider.Sqlite);
        var added = await AddWebhook.RunAsync(planner.Session, url, allowPrivate: false, NoDns, Ct);
        Assert.Equal(ErrorKind.Invalid, added.Error?.Kind);
        Assert.Equal(0, await planner.CountAsync("SELECT COUNT(*) FROM webhooks"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task APublicAddress_IsAddedWithASecret_ListedWithoutIt_AndRemoved(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;
        var added = await AddWebhook.RunAsync(s, "https://93.184.216.34/headway", allowPrivate: false, NoDns, Ct);
        Assert.True(added.IsOk, added.Error?.Message);
        Assert.StartsWith("whsec_", added.Value.Secret, StringComparison.Ordinal);
        Assert.True(added.Value.Secret.Length >= 40);
        Assert.Equal(ErrorKind.Refused, (await AddWebhook.RunAsync(s, "https://93.184.216.34/headway", false, NoDns, Ct)).Error?.Kind);

        var listed = Assert.Single(await RemoveWebhook.ListAsync(s, Ct));
        Assert.Equal("https://93.184.216.34/headway", listed.Url);

        var other = await planner.AddUserAsync("Bo");
        var bo = await planner.OpenSessionAsync(other);
        Assert.Equal(ErrorKind.NotFound, (await RemoveWebhook.RunAsync(bo, listed.Id, Ct)).Error?.Kind);
        Assert.True((await RemoveWebhook.RunAsync(s, listed.Id, Ct)).IsOk);
        Assert.Empty(await RemoveWebhook.ListAsync(s, Ct));
    }

    [Fact]
    public async Task PrivateAddresses_AreAcceptedWhenTheAdministratorAllowsThem()
    {
        await using var planner = await TestPlanner.CreateAsync(Provider.Sqlite);
        Assert.True((await AddWebhook.RunAsync(planner.Session, "http://127.0.0.1:9000/hook", allowPrivate: true, NoDns, Ct)).IsOk);
    }

    [Fact]
    public void Signature_VerifiesTheBodyItSigned_AndNothingElse()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":1}");
        var now = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var header = WebhookSignature.Sign("whsec_abc", now.ToUnixTimeSeconds(), body);
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.Verify("whsec_abc", header, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_abd", header, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_abc", header, Encoding.UTF8.GetBytes("{\"id\":2}"), now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_abc", header, body, now.AddHours(1), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_abc", "t=1,v1=zz", body, now, TimeSpan.FromMinutes(5)));
    }
}
