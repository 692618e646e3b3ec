using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Commitments;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Partners;

/// <summary>
/// The partner pages as a person without JavaScript uses them: invite, accept (new account or sign in), share, lock a
/// date and ask for a later one, approve on the partner's side, and the clear pages for links that no longer work.
/// </summary>
public sealed partial class PartnerPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> InviteAsync(Browser owner, string email = "")
    {
        using var response = await owner.SubmitAsync("/partners", "value=\"invite\"", ("Email", email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return WebUtility.HtmlDecode(Link().Match(html).Groups[1].Value);
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Fact]
    public async Task InviteAcceptShareLockRequestApprove_TheChangeAppliesOnceAndBothSeeIt()
    {
        await using var world = await PartnerWebWorld.CreateAsync(Provider.Sqlite);
        var link = await InviteAsync(world.Owner);
        Assert.Matches("^http://localhost/invitations/[A-Za-z0-9_-]{43}$", link);
        Assert.Contains("Pending invitations", await world.Owner.PageAsync("/partners"), StringComparison.Ordinal);

        // Bo has no account: he creates one from the invitation and lands on Ana's page.
        using var bo = world.App.Browser();
        Assert.Contains("asks you to be their accountability partner", await bo.PageAsync(PathOf(link)), StringComparison.Ordinal);
        using var created = await bo.SubmitAsync(PathOf(link), "value=\"create\"",
            ("Name", "Bo"), ("NewEmail", "bo@example.com"), ("NewPassword", "a different long passphrase"), ("Confirm", "a different long passphrase"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.EndsWith($"/people/{world.OwnerId}", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("has not shared a goal with you yet", await bo.FollowAsync(created), StringComparison.Ordinal);

        // Ana shares the race, outcomes only.
        var partners = await world.Owner.PageAsync("/partners");
        var partnershipId = PartnershipId().Match(partners).Groups[1].Value;
        (await world.Owner.SubmitAsync("/partners", $"action=\"/partners/{partnershipId}/sharing\"",
            ("goal", PartnerWebWorld.Id(world.Race)), ("visibility", "outcomes"))).Dispose();
        Assert.Contains("Sees Run the Hometown 5K, outcomes only", await world.Owner.PageAsync("/partners"), StringComparison.Ordinal);

        // Ana commits to the race date, locked, then asks for two weeks more.
        var due = new DateOnly(2027, 4, 4);
        using var committed = await world.Owner.SubmitAsync($"/goals/{world.Race.Id}", $"action=\"/goals/{world.Race.Id}/commitments\"",
            ("date", "2027-04-04"), ("eventName", "Hometown 5K"), ("lockIt", "on"));
        Assert.Contains("Committed: Hometown 5K, 2027-04-04 (locked)", WebUtility.HtmlDecode(await world.Owner.FollowAsync(committed)), StringComparison.Ordinal);
        var commitmentId = long.Parse(CommitmentId().Match(await world.Owner.PageAsync($"/goals/{world.Race.Id}")).Groups[1].Value, CultureInfo.InvariantCulture);
        using var requested = await world.Owner.SubmitAsync($"/goals/{world.Race.Id}", $"action=\"/commitments/{commitmentId}/date\"", ("date", "2027-04-18"));
        var goalPage = WebUtility.HtmlDecode(await world.Owner.FollowAsync(requested));
        Assert.Contains("Your partners have been asked to approve it", goalPage, StringComparison.Ordinal);
        Assert.Contains("waiting for Bo", goalPage, StringComparison.Ordinal);
        Assert.Equal(due, (await world.CommitmentAsync(commitmentId)).Due);

        // Bo sees the request on his partners page and on Ana's page, and approves it.
        Assert.Contains("Waiting for your decision", await bo.PageAsync("/partners"), StringComparison.Ordinal);
        var requestPage = WebUtility.HtmlDecode(await bo.PageAsync($"/people/{world.OwnerId}"));
        Assert.Contains("asks to move the date to 2027-04-18", requestPage, StringComparison.Ordinal);
        var approveAction = ApproveAction().Match(requestPage).Groups[0].Value;
        using var approved = await bo.SubmitAsync($"/people/{world.OwnerId}", approveAction);
        Assert.Contains("Approved: move the date to 2027-04-18", WebUtility.HtmlDecode(await bo.FollowAsync(approved)), StringComparison.Ordinal);

        // Applied once; a second approval (a replayed form) changes nothing.
        var after = await world.CommitmentAsync(commitmentId);
        Assert.Equal(new DateOnly(2027, 4, 18), after.Due);
        Assert.Equal(CommitmentStatus.Locked, after.Status);
        var token = await PartnerWebWorld.TokenAsync(bo);
        using var replay = await bo.PostAsync(approveAction[8..^1], [("__RequestVerificationToken", token)]);
        Assert.Contains("already applied", WebUtility.HtmlDecode(await bo.FollowAsync(replay)), StringComparison.Ordinal);
        Assert.Equal(after.Version, (await world.CommitmentAsync(commitmentId)).Version);
        Assert.Contains("Hometown 5K, 2027-04-18", await bo.PageAsync($"/people/{world.OwnerId}"), StringComparison.Ordinal);
        Assert.Contains("Hometown 5K, 2027-04-18", await world.Owner.PageAsync($"/goals/{world.Race.Id}"), StringComparison.Ordinal);
        Assert.Equal(1, await world.App.CountAsync($"SELECT COUNT(*) FROM notifications WHERE user_id = {world.OwnerId} AND kind = 'request-approved'"));

        // The link was single use.
        using var reused = await world.App.Browser().GetAsync(PathOf(link));
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("already been used", await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ExistingAccount_SignsInAndAccepts(Provider provider)
    {
        await using var world = await PartnerWebWorld.CreateAsync(provider);
        (await world.App.PersonAsync("cy@example.com", "cy's very long passphrase")).Dispose();
        var link = await InviteAsync(world.Owner, "cy@example.com");
        using var cy = world.App.Browser();

        using var wrong = await cy.SubmitAsync(PathOf(link), "value=\"sign-in-accept\"", ("Email", "cy@example.com"), ("Password", "not the password at all"));
        Assert.Contains("do not match", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var accepted = await cy.SubmitAsync(PathOf(link), "value=\"sign-in-accept\"", ("Email", "cy@example.com"), ("Password", "cy's very long passphrase"));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("accountability partner", WebUtility.HtmlDecode(await cy.FollowAsync(accepted)), StringComparison.Ordinal);
        Assert.Contains("cy@example.com", await world.Owner.PageAsync("/partners"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInPerson_AcceptsWithOneButton_ButNotTheirOwnLink()
    {
        await using var world = await PartnerWebWorld.CreateAsync(Provider.Sqlite);
        var link = await InviteAsync(world.Owner);
        using var dee = await world.App.PersonAsync("dee@example.com");

        using var own = await world.Owner.SubmitAsync(PathOf(link), "value=\"accept\"");
        Assert.Contains("your own invitation", await own.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var accepted = await dee.SubmitAsync(PathOf(link), "value=\"accept\"");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1, await world.App.CountAsync("SELECT COUNT(*) FROM partnerships"));
    }

    [Fact]
    public async Task NewAccountFromAnInvitation_FollowsThePasswordRules()
    {
        await using var world = await PartnerWebWorld.CreateAsync(Provider.Sqlite);
        var link = await InviteAsync(world.Owner);
        using var bo = world.App.Browser();
        var accounts = await world.App.CountAsync("SELECT COUNT(*) FROM identity_users");

        foreach (var (password, problem) in new[] { ("short one", "at least 12"), ("password1234", "commonly used"), ("bo@example.com", "email address") })
        {
            using var refused = await bo.SubmitAsync(PathOf(link), "value=\"create\"", ("Name", "Bo"), ("NewEmail", "bo@example.com"), ("NewPassword", password), ("Confirm", password));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(problem, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.OrdinalIgnoreCase);
        }

        using var taken = await bo.SubmitAsync(PathOf(link), "value=\"create\"", ("Name", "Bo"), ("NewEmail", WebApp.OwnerEmail), ("NewPassword", "yet another long passphrase"), ("Confirm", "yet another long passphrase"));
        Assert.Contains("already exists", await taken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(accounts, await world.App.CountAsync("SELECT COUNT(*) FROM identity_users"));
        Assert.Equal(0, await world.App.CountAsync("SELECT COUNT(*) FROM partnerships"));
    }

    [Fact]
    public async Task ExpiredRevokedAndUnknownLinks_GiveAClearPage()
    {
        await using var world = await PartnerWebWorld.CreateAsync(Provider.Sqlite);
        var revoked = await InviteAsync(world.Owner);
        var partners = await world.Owner.PageAsync("/partners");
        var revokeAction = RevokeAction().Match(partners).Groups[0].Value;
        (await world.Owner.SubmitAsync("/partners", revokeAction)).Dispose();
        var expiring = await InviteAsync(world.Owner);
        world.App.Clock.Advance(TimeSpan.FromDays(7));
        using var visitor = world.App.Browser();

        using var gone = await visitor.GetAsync(PathOf(revoked));
        using var expired = await visitor.GetAsync(PathOf(expiring));
        using var unknown = await visitor.GetAsync("/invitations/not-a-real-token");

        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("withdrawn by the person who sent it", await gone.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Not found", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("<form", await expired.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_CheersNudgesCommentsAndVerifies_AndTheOwnerReadsIt()
    {
        await using var world = await PartnerWebWorld.CreateAsync(Provider.Sqlite);
        var (bo, _, _) = await world.PartnerAsync("bo@example.com", seesActions: false, world.Race);
        var page = $"/people/{world.OwnerId}";

        (await bo.SubmitAsync(page, "/notes\"", ("kind", "cheer"), ("goalId", PartnerWebWorld.Id(world.Race)), ("body", ""))).Dispose();
        (await bo.SubmitAsync(page, "/notes\"", ("kind", "comment"), ("goalId", ""), ("body", "Great pace on Tuesday!"))).Dispose();
        using var empty = await bo.SubmitAsync(page, "/notes\"", ("kind", "comment"), ("goalId", ""), ("body", " "));
        Assert.Contains("A comment needs a few words", await bo.FollowAsync(empty), StringComparison.Ordinal);
        using var verified = await bo.SubmitAsync(page, $"/outcomes/{world.RaceOutcome.Id}/verify\"");
        Assert.Contains("✓ verified", await bo.FollowAsync(verified), StringComparison.Ordinal);

        var ownerPage = WebUtility.HtmlDecode(await world.Owner.PageAsync("/partners"));
        Assert.Contains("Great pace on Tuesday!", ownerPage, StringComparison.Ordinal);
        Assert.Contains("verified an outcome", ownerPage, StringComparison.Ordinal);
        Assert.Equal(3, await world.App.CountAsync($"SELECT COUNT(*) FROM notifications WHERE user_id = {world.OwnerId} AND kind = 'note'"));
    }

    [Fact]
    public async Task PartnerPages_HaveNoInlineScriptOrStyle_AndEveryFormCarriesAToken()
    {
        await using var world = await PartnerWebWorld.CreateAsync(Provider.Sqlite);
        var (bo, _, _) = await world.PartnerAsync("bo@example.com", seesActions: true, world.Race);
        await world.LockedWithRequestAsync(world.Race);

        foreach (var (browser, url) in new[] { (world.Owner, "/partners"), (world.Owner, $"/goals/{world.Race.Id}"), (bo, "/partners"), (bo, $"/people/{world.OwnerId}") })
        {
            var html = await browser.PageAsync(url);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("<script(?![^>]*src=)", html);
            var forms = Regex.Matches(html, "<form[^>]*>.*?</form>", RegexOptions.Singleline);
            Assert.NotEmpty(forms);
            Assert.All(forms, f => Assert.Contains("__RequestVerificationToken", f.Value, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex("id=\"invitation-link\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex Link();

    [GeneratedRegex("action=\"/partners/(\\d+)/sharing\"")]
    private static partial Regex PartnershipId();

    [GeneratedRegex("action=\"/commitments/(\\d+)/date\"")]
    private static partial Regex CommitmentId();

    [GeneratedRegex("action=\"/people/\\d+/requests/\\d+/approve\"")]
    private static partial Regex ApproveAction();

    [GeneratedRegex("action=\"/partners/invitations/\\d+/revoke\"")]
    private static partial Regex RevokeAction();
}
