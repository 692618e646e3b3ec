using System.Net;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Partners;

/// <summary>
/// Who may see and do what on every partner-facing endpoint: a partner sees only what was shared (no individual
/// actions when outcomes-only), a stranger gets 404 everywhere, and a removed partner or an unshared goal loses access
/// at the very next request. On SQLite and PostgreSQL.
/// </summary>
public sealed class PartnerAuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every partner-facing request about the owner, as (method, url, form fields).</summary>
    private static List<(string Url, (string, string)[] Fields)> PartnerPosts(PartnerWebWorld w, long requestId, long goalId, long outcomeId) =>
    [
        ($"/people/{w.OwnerId}/notes", [("kind", "cheer"), ("goalId", goalId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("body", "go!")]),
        ($"/people/{w.OwnerId}/outcomes/{outcomeId}/verify", []),
        ($"/people/{w.OwnerId}/requests/{requestId}/approve", []),
        ($"/people/{w.OwnerId}/requests/{requestId}/deny", []),
    ];

    private static async Task AssertNoAccessAsync(PartnerWebWorld world, Browser browser, long requestId, long goalId, long outcomeId)
    {
        using var page = await browser.GetAsync($"/people/{world.OwnerId}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        foreach (var (url, fields) in PartnerPosts(world, requestId, goalId, outcomeId))
        {
            Assert.True(await PartnerWebWorld.PostAsync(browser, url, fields) == HttpStatusCode.NotFound, $"POST {url} should be 404");
        }

        Assert.Equal(0, await world.App.CountAsync("SELECT COUNT(*) FROM partner_notes"));
        Assert.Equal(0, await world.App.CountAsync("SELECT COUNT(*) FROM commitment_requests WHERE status <> 'pending'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OutcomesOnlyPartner_SeesSharedGoalsAndOutcomes_NotActionsNorOtherGoals(Provider provider)
    {
        await using var world = await PartnerWebWorld.CreateAsync(provider);
        var (bo, _, _) = await world.PartnerAsync("bo@example.com", seesActions: false, world.Race);

        var page = WebUtility.HtmlDecode(await bo.PageAsync($"/people/{world.OwnerId}"));

        Assert.Contains("Run the Hometown 5K", page, StringComparison.Ordinal);
        Assert.Contains("5 km in 27:40", page, StringComparison.Ordinal);
        Assert.DoesNotContain(world.RaceOutcome.Text, page, StringComparison.Ordinal);
        Assert.DoesNotContain(world.OpenRun.Text, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Finish my novel", page, StringComparison.Ordinal);
        Assert.DoesNotContain("1,150 words", page, StringComparison.Ordinal);
        // The owner's own pages stay the owner's: 404 for the partner, as for anyone else.
        using var goal = await bo.GetAsync($"/goals/{world.Race.Id}");
        Assert.Equal(HttpStatusCode.NotFound, goal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await PartnerWebWorld.PostAsync(bo, $"/actions/{world.OpenRun.Id}/done", ("result", "x")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ActionsPartner_SeesTheActionsOfSharedGoalsOnly(Provider provider)
    {
        await using var world = await PartnerWebWorld.CreateAsync(provider);
        var (cy, _, _) = await world.PartnerAsync("cy@example.com", seesActions: true, world.Race);

        var page = WebUtility.HtmlDecode(await cy.PageAsync($"/people/{world.OwnerId}"));

        Assert.Contains(world.OpenRun.Text, page, StringComparison.Ordinal);
        Assert.Contains(world.RaceOutcome.Text, page, StringComparison.Ordinal);
        Assert.DoesNotContain(world.NovelOutcome.Text, page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Stranger_GetsNotFoundOnEveryPartnerEndpoint(Provider provider)
    {
        await using var world = await PartnerWebWorld.CreateAsync(provider);
        await world.PartnerAsync("bo@example.com", seesActions: true, world.Race);
        var (_, request) = await world.LockedWithRequestAsync(world.Race);
        using var eve = await world.App.PersonAsync("eve@example.com");

        await AssertNoAccessAsync(world, eve, request.Id, world.Race.Id, world.RaceOutcome.Id);
        Assert.DoesNotContain("Waiting for your decision", await eve.PageAsync("/partners"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RemovedPartner_LosesAccessAtTheNextRequest(Provider provider)
    {
        await using var world = await PartnerWebWorld.CreateAsync(provider);
        var (bo, _, partnership) = await world.PartnerAsync("bo@example.com", seesActions: true, world.Race);
        var (_, request) = await world.LockedWithRequestAsync(world.Race);
        Assert.Contains("Run the Hometown 5K", await bo.PageAsync($"/people/{world.OwnerId}"), StringComparison.Ordinal);

        (await world.Owner.SubmitAsync("/partners", $"action=\"/partners/{partnership}/remove\"")).Dispose();

        await AssertNoAccessAsync(world, bo, request.Id, world.Race.Id, world.RaceOutcome.Id);
        Assert.DoesNotContain($"/people/{world.OwnerId}", await bo.PageAsync("/partners"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UnsharedGoal_VanishesFromThePartnersViewAtTheNextRequest(Provider provider)
    {
        await using var world = await PartnerWebWorld.CreateAsync(provider);
        var (bo, _, partnership) = await world.PartnerAsync("bo@example.com", seesActions: true, world.Race, world.Novel);
        var (_, request) = await world.LockedWithRequestAsync(world.Novel);
        Assert.Contains("Finish my novel", await bo.PageAsync($"/people/{world.OwnerId}"), StringComparison.Ordinal);

        (await world.Owner.SubmitAsync("/partners", $"action=\"/partners/{partnership}/sharing\"", ("goal", PartnerWebWorld.Id(world.Race)), ("visibility", "actions"))).Dispose();

        var page = WebUtility.HtmlDecode(await bo.PageAsync($"/people/{world.OwnerId}"));
        Assert.DoesNotContain("Finish my novel", page, StringComparison.Ordinal);
        Assert.DoesNotContain("1,150 words", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for your decision", page, StringComparison.Ordinal);
        foreach (var (url, fields) in PartnerPosts(world, request.Id, world.Novel.Id, world.NovelOutcome.Id))
        {
            Assert.True(await PartnerWebWorld.PostAsync(bo, url, fields) == HttpStatusCode.NotFound, $"POST {url} should be 404");
        }

        Assert.Equal(0, await world.App.CountAsync("SELECT COUNT(*) FROM partner_notes"));
        // The race is still shared: the same partner can still act on it.
        Assert.Equal(HttpStatusCode.Redirect, await PartnerWebWorld.PostAsync(bo, $"/people/{world.OwnerId}/outcomes/{world.RaceOutcome.Id}/verify"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TheOwnersPartnerButtons_AreTheOwnersOnly(Provider provider)
    {
        await using var world = await PartnerWebWorld.CreateAsync(provider);
        var (bo, _, partnership) = await world.PartnerAsync("bo@example.com", seesActions: false, world.Race);
        var (commitment, _) = await world.LockedWithRequestAsync(world.Race);
        var invitation = await world.App.AsUserAsync(null, s => InvitePartner.RunAsync(s, null, "http://localhost", null, Ct));
        using var eve = await world.App.PersonAsync("eve@example.com");

        foreach (var intruder in new[] { bo, eve })
        {
            Assert.Equal(HttpStatusCode.NotFound, await PartnerWebWorld.PostAsync(intruder, $"/partners/{partnership}/sharing", ("goal", PartnerWebWorld.Id(world.Novel)), ("visibility", "actions")));
            Assert.Equal(HttpStatusCode.NotFound, await PartnerWebWorld.PostAsync(intruder, $"/partners/{partnership}/remove"));
            Assert.Equal(HttpStatusCode.NotFound, await PartnerWebWorld.PostAsync(intruder, $"/partners/invitations/{invitation.Value.Invitation.Id}/revoke"));
            Assert.Equal(HttpStatusCode.NotFound, await PartnerWebWorld.PostAsync(intruder, $"/commitments/{commitment.Id}/lock"));
            Assert.Equal(HttpStatusCode.NotFound, await PartnerWebWorld.PostAsync(intruder, $"/commitments/{commitment.Id}/date", ("date", "2030-01-01")));
            Assert.Equal(HttpStatusCode.NotFound, await PartnerWebWorld.PostAsync(intruder, $"/commitments/{commitment.Id}/withdraw"));
            Assert.Equal(HttpStatusCode.NotFound, await PartnerWebWorld.PostAsync(intruder, $"/goals/{world.Race.Id}/commitments", ("date", "2030-01-01")));
        }

        var partner = Assert.Single(await world.App.AsUserAsync(null, s => PartnerQueries.ListAsync(s, Ct)));
        Assert.Equal([world.Race.Id], partner.SharedGoalIds);
        Assert.False(partner.SeesActions);
        Assert.Single(await world.App.AsUserAsync(null, s => ListInvitations.RunAsync(s, Ct)));
        Assert.Equal(commitment.Due, (await world.CommitmentAsync(commitment.Id)).Due);
    }

    [Fact]
    public async Task PartnerPosts_WithoutAnAntiforgeryToken_AreRejected()
    {
        await using var world = await PartnerWebWorld.CreateAsync(Provider.Sqlite);
        var (bo, _, _) = await world.PartnerAsync("bo@example.com", seesActions: false, world.Race);
        var (_, request) = await world.LockedWithRequestAsync(world.Race);

        foreach (var (url, fields) in PartnerPosts(world, request.Id, world.Race.Id, world.RaceOutcome.Id))
        {
            using var response = await bo.PostAsync(url, fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(0, await world.App.CountAsync("SELECT COUNT(*) FROM partner_notes"));
        Assert.Equal(1, await world.App.CountAsync("SELECT COUNT(*) FROM commitment_requests WHERE status = 'pending'"));
    }
}
