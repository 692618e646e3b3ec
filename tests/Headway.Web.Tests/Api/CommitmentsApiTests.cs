using System.Net;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Api;

public sealed class CommitmentsApiTests
{
    [Fact]
    public async Task LockedCommitment_TightensAtOnce_LoosensOnlyByARequest_ThatCanBeWithdrawn()
    {
        await using var web = await TestWeb.StartAsync();
        using var api = await ApiClient.StartAsync(web.App);
        var goal = (await ApiClient.JsonAsync(await api.PostAsync("/api/v1/goals", new { title = "Run a 5K" }))).GetProperty("id").GetInt64();
        using var created = await api.PostAsync("/api/v1/commitments", new { goalId = goal, due = "2027-03-20", eventName = "Hometown 5K" });
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal("open", (await ApiClient.JsonAsync(created)).GetProperty("status").GetString());

        using var locked = await api.PostAsync(location + "/lock", null, "\"1\"");
        Assert.Equal("\"2\"", locked.Headers.ETag!.Tag);
        Assert.True((await ApiClient.JsonAsync(locked)).GetProperty("locked").GetBoolean());

        using var tightened = await api.PostAsync(location + "/change", new { due = "2027-03-14" }, "\"2\"");
        Assert.Equal("2027-03-14", (await ApiClient.JsonAsync(tightened)).GetProperty("due").GetString());

        var refused = await ApiClient.ProblemAsync(await api.PostAsync(location + "/change", new { due = "2027-04-01" }, "\"3\""), 409);
        Assert.Contains($"POST {location}/requests", refused, StringComparison.Ordinal);

        using var requested = await api.PostAsync(location + "/requests", new { due = "2027-04-01" }, "\"3\"");
        var pending = (await ApiClient.JsonAsync(requested)).GetProperty("pendingRequest");
        Assert.Equal(("cooling-off", "2027-04-01"), (pending.GetProperty("path").GetString(), pending.GetProperty("newDue").GetString()));

        using var withdrawn = await api.SendAsync(HttpMethod.Delete, location + "/requests/pending", ifMatch: "\"3\"");
        var after = await ApiClient.JsonAsync(withdrawn);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("pendingRequest").ValueKind);
        Assert.Equal("2027-03-14", after.GetProperty("due").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/commitments")).StatusCode);
    }
}
