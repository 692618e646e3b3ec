using System.Text.Json;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;
using Headway.Web.Tests.Partners;

namespace Headway.Web.Tests.Api;

/// <summary>The partner's side of the API: see what is shared, and approve or deny a request to loosen a locked commitment.</summary>
public sealed class PartnersApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PartnerApprovesARequest_TheChangeAppliesOnce_AndBothSeeIt(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var ana = await ApiClient.StartAsync(web.App);
        using var bo = await ApiClient.StartAsync(web.App, "Bo");
        var (commitment, goal, etag) = await LockedRaceAsync(ana);
        await PartnerWebWorld.MakePartnerAsync(web.App, ana.UserId, bo.UserId, seesActions: false, [goal]);

        using var requested = await ana.PostAsync($"/api/v1/commitments/{commitment}/requests", new { due = "2027-04-17" }, etag);
        var pending = (await ApiClient.JsonAsync(requested)).GetProperty("pendingRequest");
        Assert.Equal("partner", pending.GetProperty("path").GetString());
        var request = pending.GetProperty("id").GetInt64();

        var people = await ApiClient.JsonAsync(await bo.GetAsync("/api/v1/people"));
        Assert.Equal(ana.UserId, Assert.Single(people.EnumerateArray()).GetProperty("userId").GetInt64());
        var waiting = Assert.Single((await ApiClient.JsonAsync(await bo.GetAsync("/api/v1/requests"))).EnumerateArray());
        Assert.Equal(("2027-04-17", "2027-03-20"), (waiting.GetProperty("request").GetProperty("newDue").GetString(), waiting.GetProperty("commitment").GetProperty("due").GetString()));
        var view = await ApiClient.JsonAsync(await bo.GetAsync($"/api/v1/people/{ana.UserId}"));
        Assert.Equal("Run a 5K", Assert.Single(view.GetProperty("goals").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(request, Assert.Single(view.GetProperty("requests").EnumerateArray()).GetProperty("request").GetProperty("id").GetInt64());

        var approved = await ApiClient.JsonAsync(await bo.PostAsync($"/api/v1/people/{ana.UserId}/requests/{request}/approve"));
        Assert.Equal("applied", approved.GetProperty("status").GetString());
        var again = await ApiClient.ProblemAsync(await bo.PostAsync($"/api/v1/people/{ana.UserId}/requests/{request}/approve"), 409);
        Assert.Contains("already applied", again, StringComparison.Ordinal);

        var after = await ApiClient.JsonAsync(await ana.GetAsync($"/api/v1/commitments/{commitment}"));
        Assert.Equal(("2027-04-17", JsonValueKind.Null), (after.GetProperty("due").GetString(), after.GetProperty("pendingRequest").ValueKind));
        var seen = await ApiClient.JsonAsync(await bo.GetAsync($"/api/v1/people/{ana.UserId}"));
        Assert.Equal("2027-04-17", Assert.Single(seen.GetProperty("commitments").EnumerateArray()).GetProperty("due").GetString());
        Assert.Empty((await ApiClient.JsonAsync(await bo.GetAsync("/api/v1/requests"))).EnumerateArray());
        Assert.Equal(1, await web.App.CountAsync("SELECT COUNT(*) FROM commitment_requests WHERE status = 'applied'"));
    }

    [Fact]
    public async Task Denial_LeavesTheCommitment_AndStrangersAndRemovedPartnersGet404()
    {
        await using var web = await TestWeb.StartAsync();
        using var ana = await ApiClient.StartAsync(web.App);
        using var bo = await ApiClient.StartAsync(web.App, "Bo");
        using var eve = await ApiClient.StartAsync(web.App, "Eve");
        var (commitment, goal, etag) = await LockedRaceAsync(ana);
        var partnership = await PartnerWebWorld.MakePartnerAsync(web.App, ana.UserId, bo.UserId, seesActions: false, [goal]);
        using var requested = await ana.PostAsync($"/api/v1/commitments/{commitment}/requests", new { drop = true }, etag);
        var request = (await ApiClient.JsonAsync(requested)).GetProperty("pendingRequest").GetProperty("id").GetInt64();

        await ApiClient.ProblemAsync(await eve.GetAsync($"/api/v1/people/{ana.UserId}"), 404);
        await ApiClient.ProblemAsync(await eve.PostAsync($"/api/v1/people/{ana.UserId}/requests/{request}/approve"), 404);
        Assert.Empty((await ApiClient.JsonAsync(await eve.GetAsync("/api/v1/requests"))).EnumerateArray());

        var denied = await ApiClient.JsonAsync(await bo.PostAsync($"/api/v1/people/{ana.UserId}/requests/{request}/deny"));
        Assert.Equal("denied", denied.GetProperty("status").GetString());
        var after = await ApiClient.JsonAsync(await ana.GetAsync($"/api/v1/commitments/{commitment}"));
        Assert.Equal(("locked", "2027-03-20"), (after.GetProperty("status").GetString(), after.GetProperty("due").GetString()));
        var partners = await ApiClient.JsonAsync(await ana.GetAsync("/api/v1/partners"));
        Assert.Equal([goal], Assert.Single(partners.GetProperty("partners").EnumerateArray()).GetProperty("goals").EnumerateArray().Select(g => g.GetInt64()));

        await web.App.AsUserAsync(null, async s => (await RemovePartner.RunAsync(s, partnership.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)).IsOk);
        await ApiClient.ProblemAsync(await bo.GetAsync($"/api/v1/people/{ana.UserId}"), 404);
        Assert.Empty((await ApiClient.JsonAsync(await bo.GetAsync("/api/v1/people"))).EnumerateArray());
    }

    /// <summary>The owner's goal "Run a 5K" with a commitment for 2027-03-20, locked as it is made; and the commitment's ETag.</summary>
    private static async Task<(long Commitment, long Goal, string ETag)> LockedRaceAsync(ApiClient owner)
    {
        var goal = (await ApiClient.JsonAsync(await owner.PostAsync("/api/v1/goals", new { title = "Run a 5K" }))).GetProperty("id").GetInt64();
        var created = await owner.PostAsync("/api/v1/commitments", new { goalId = goal, due = "2027-03-20", eventName = "Hometown 5K", @lock = true });
        var etag = created.Headers.ETag!.Tag;
        var json = await ApiClient.JsonAsync(created);
        Assert.True(json.GetProperty("locked").GetBoolean());
        return (json.GetProperty("id").GetInt64(), goal, etag);
    }
}
