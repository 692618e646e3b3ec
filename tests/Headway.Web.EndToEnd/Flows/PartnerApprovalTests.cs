using System.Text.RegularExpressions;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.EndToEnd.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Headway.Web.EndToEnd.Flows;

/// <summary>
/// Two people in two browsers (issue 6): Ana invites Sam with a link she copies (no email on this server), Sam creates
/// his account from it and accepts; Ana shares her race goal, commits to the race date, locks it and asks for two more
/// weeks; Sam sees the request and approves it. The date moves once, a second approval from a stale tab changes
/// nothing, and both of them see the new date. Only the real pages and forms are used.
/// </summary>
public sealed partial class PartnerApprovalTests(Chromium chromium)
{
    private const string Goal = "Run the Hometown 5K";

    public static IEnumerable<TheoryDataRow<Provider>> Providers() => TestDatabases.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LaterDateOnALockedCommitment_PartnerApproves_AppliesOnce_AndBothSeeTheNewDate(Provider provider)
    {
        await using var site = await LiveSite.StartAsync(provider);
        var browser = chromium.Browser();
        await using var ana = await Person.OpenAsync(browser, site.Address);
        await using var sam = await Person.OpenAsync(browser, site.Address);

        await SetUpAsync(ana);

        // Ana invites a partner: without email on this server, the page shows the link to copy.
        await ana.FollowAsync("Partners");
        await ana.SeesAsync("Email is not set up on this server");
        await ana.PressAsync("Create an invitation link");
        await ana.SeesAsync("Copy this link and send it to your partner");
        var link = new Uri(await ana.Page.GetByLabel("Invitation link", new() { Exact = true }).InputValueAsync());
        Assert.Equal(site.Address.Authority, link.Authority);
        await ana.ScreenshotAsync("partners-invitation-link");

        // Sam opens it in his own browser, creates his account and accepts, landing on Ana's page.
        await sam.GoToAsync(link.PathAndQuery);
        await sam.SeesAsync("Ana asks you to be their accountability partner");
        var newAccount = sam.Form("Create my account and accept");
        await sam.FillAsync("Your name", "Sam", newAccount);
        await sam.FillAsync("Email", "sam@example.com", newAccount);
        await sam.FillAsync("Password", "seven herons on the river", newAccount);
        await sam.FillAsync("Password again", "seven herons on the river", newAccount);
        await sam.PressAsync("Create my account and accept");
        await sam.SeesAsync("You are now Ana's accountability partner");
        await sam.SeesAsync("Ana has not shared a goal with you yet.");
        Assert.Matches(PersonPath(), new Uri(sam.Page.Url).AbsolutePath);

        // Ana shares the race with Sam.
        await ana.GoToAsync("/partners");
        await ana.SeesAsync("Sam sam@example.com");
        await ana.TickAsync(Goal);
        await ana.PressAsync("Save what Sam sees");
        await ana.SeesAsync("Sam now sees 1 goal, outcomes only.");

        // She commits to the race date, locks it, then asks for two weeks more: a request to Sam, the date unchanged.
        await ana.GoToAsync("/");
        await ana.FollowAsync(Goal);
        await ana.FillAsync("Date", "2027-04-04");
        await ana.FillAsync("Event (optional)", "Hometown 5K");
        await ana.PressAsync("Commit");
        await ana.SeesAsync("Committed: Hometown 5K, 2027-04-04.");
        await ana.PressAsync("Lock");
        await ana.SeesAsync("Locked: Hometown 5K, 2027-04-04.");
        await ana.FillAsync("New date", "2027-04-18");
        await ana.PressAsync("Change the date (later needs approval)");
        await ana.SeesAsync("Requested: move the date to 2027-04-18. Your partners have been asked to approve it.");
        await ana.SeesAsync("waiting for Sam");
        await ana.SeesAsync("Hometown 5K, 2027-04-04 locked");

        // Sam sees the request among the people he holds accountable, opens Ana's page in two tabs, and approves in one.
        await sam.GoToAsync("/partners");
        await sam.SeesAsync("1 request waiting for you");
        await sam.FollowAsync("Ana");
        const string request = "Ana asks to move the date to 2027-04-18 for Hometown 5K, 2027-04-04 (locked).";
        await sam.SeesAsync(request);
        await sam.ScreenshotAsync("person-request");
        await using var staleTab = await sam.NewTabAsync();
        await staleTab.GoToAsync(new Uri(sam.Page.Url).PathAndQuery);
        await staleTab.SeesAsync(request);
        await sam.PressAsync("Approve");
        await sam.SeesAsync("Approved: move the date to 2027-04-18.");
        await sam.SeesAsync("Hometown 5K, 2027-04-18");

        // Approving again from the tab that still shows the request is refused; reloading shows nothing left to decide.
        await staleTab.PressAsync("Approve");
        await staleTab.SeesAsync("This request is already applied.");
        await sam.Page.ReloadAsync();
        await sam.SeesAsync("Hometown 5K, 2027-04-18");
        await Expect(sam.Page.GetByText(request)).ToHaveCountAsync(0);
        await Expect(sam.Page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToHaveCountAsync(0);

        // Ana sees the new date, still locked, with no request pending, and was told once.
        await ana.GoToAsync(new Uri(ana.Page.Url).PathAndQuery);
        await ana.SeesAsync("Hometown 5K, 2027-04-18 locked");
        await Expect(ana.Page.GetByText("Requested: move the date")).ToHaveCountAsync(0);
        await ana.GoToAsync("/notifications");
        await ana.SeesAsync("Sam approved your request to move the date to 2027-04-18: the commitment is now Hometown 5K, 2027-04-18.");
        await Expect(ana.Page.GetByText("Sam approved your request", new() { Exact = true })).ToHaveCountAsync(1);
    }

    // First run as the owner, the name her partner will know her by, and the goal the race belongs to.
    private static async Task SetUpAsync(Person ana)
    {
        await ana.SetsUpHeadwayAsync("ana@example.com", "blue kettle under the stairs");

        await ana.GoToAsync("/settings");
        await ana.FillAsync("Display name", "Ana");
        await ana.PressAsync("Save");
        await ana.SeesAsync("Saved: Ana,");

        await ana.GoToAsync("/goals/new");
        await ana.FillAsync("Goal", Goal);
        await ana.ChooseAsync("Area", "fitness");
        await ana.PressAsync("Add the goal");
        await ana.SeesAsync($"Added goal: {Goal}");
    }

    [GeneratedRegex(@"^/people/\d+$")]
    private static partial Regex PersonPath();
}
