using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.Core.Actions;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Partners;

/// <summary>
/// The owner (Ana) training for a race and writing a novel, a partner (Bo) signed in on a browser of his own, and a
/// stranger (Eve): what the partner pages' tests start from. Partnerships are made through the use cases.
/// </summary>
internal sealed partial class PartnerWebWorld : IAsyncDisposable
{
    private PartnerWebWorld(TestWeb web) => Web = web;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public TestWeb Web { get; }

    public WebApp App => Web.App;

    public Browser Owner { get; private set; } = null!;

    public long OwnerId { get; private set; }

    public Goal Race { get; private set; } = null!;

    public Goal Novel { get; private set; } = null!;

    public PlannedAction OpenRun { get; private set; } = null!;

    public PlannedAction RaceOutcome { get; private set; } = null!;

    public PlannedAction NovelOutcome { get; private set; } = null!;

    public static async Task<PartnerWebWorld> CreateAsync(Provider provider)
    {
        var world = new PartnerWebWorld(await TestWeb.StartAsync(provider));
        world.Owner = await world.App.OwnerAsync();
        await world.App.AsUserAsync(null, async s =>
        {
            world.OwnerId = s.UserId;
            world.Race = (await AddGoal.RunAsync(s, new NewGoal("Run the Hometown 5K", Area: GoalArea.Fitness), Ct)).Value;
            world.Novel = (await AddGoal.RunAsync(s, new NewGoal("Finish my novel", Area: GoalArea.Writing), Ct)).Value;
            world.OpenRun = (await AddAction.RunAsync(s, new NewAction("run 8 km intervals on the track", Id(world.Race), Horizon.Week, KeepPassive: true), Ct)).Value;
            var run = (await AddAction.RunAsync(s, new NewAction("run 5 km at race pace", Id(world.Race), Horizon.Now, KeepPassive: true), Ct)).Value;
            world.RaceOutcome = (await CompleteAction.RunAsync(s, run.Id, "5 km in 27:40", Ct)).Value;
            var words = (await AddAction.RunAsync(s, new NewAction("write 1,000 words of chapter 4", Id(world.Novel), Horizon.Now, KeepPassive: true), Ct)).Value;
            world.NovelOutcome = (await CompleteAction.RunAsync(s, words.Id, "1,150 words", Ct)).Value;
            return true;
        });
        return world;
    }

    public static string Id(Goal g) => g.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A person signed in on a browser of their own, who becomes the owner's partner seeing <paramref name="goals"/>.</summary>
    public async Task<(Browser Browser, long UserId, long PartnershipId)> PartnerAsync(string email, bool seesActions, params Goal[] goals)
    {
        var browser = await App.PersonAsync(email);
        var userId = await UserIdAsync(email);
        var partnership = await MakePartnerAsync(App, null, userId, seesActions, [.. goals.Select(g => g.Id)]);
        return (browser, userId, partnership);
    }

    /// <summary>
    /// Makes <paramref name="partner"/> a partner of <paramref name="owner"/> (the local owner when null), seeing
    /// <paramref name="goalIds"/>: invited and accepted through the use cases. Returns the partnership's id.
    /// </summary>
    public static Task<long> MakePartnerAsync(WebApp app, long? owner, long partner, bool seesActions, IReadOnlyCollection<long> goalIds) =>
        app.AsUserAsync(owner, async s =>
        {
            var link = (await InvitePartner.RunAsync(s, null, "http://localhost", null, Ct)).Value.Link;
            var accepted = await app.AsUserAsync(partner, p => AcceptInvitation.RunAsync(p, link[(link.LastIndexOf('/') + 1)..], Ct));
            Assert.True(accepted.IsOk, accepted.Error?.Message);
            Assert.True((await ChooseSharing.RunAsync(s, accepted.Value.PartnershipId, goalIds, seesActions, Ct)).IsOk);
            return accepted.Value.PartnershipId;
        });

    public Task<long> UserIdAsync(string email) => App.CountAsync($"SELECT user_id FROM identity_users WHERE email = '{email}'");

    /// <summary>A locked commitment on <paramref name="goal"/>, due in 30 days, with a pending request for a later date.</summary>
    public Task<(Commitment Commitment, ChangeRequest Request)> LockedWithRequestAsync(Goal goal) =>
        App.AsUserAsync(null, async s =>
        {
            var c = (await CreateCommitment.RunAsync(s, new NewCommitment(Id(goal), null, s.Today.AddDays(30), "Hometown 5K", Lock: true), Ct)).Value;
            var r = (await ChangeCommitment.RequestAsync(s, c.Id, CommitmentChange.Reschedule(c.Due.AddDays(14)), allowRequest: true, Ct)).Value.Request!;
            return (c, r);
        });

    public Task<Commitment> CommitmentAsync(long id) => App.AsUserAsync(null, async s => (await CommitmentQueries.FindAsync(s, id, Ct)).Value);

    /// <summary>An antiforgery token from a page this browser can read: good for any form post of the same person.</summary>
    public static async Task<string> TokenAsync(Browser browser, string page = "/partners")
    {
        var html = await browser.PageAsync(page);
        return WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
    }

    /// <summary>Posts a form with a valid antiforgery token, as a forged request from a real signed-in person would.</summary>
    public static async Task<HttpStatusCode> PostAsync(Browser browser, string url, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(browser);
        using var response = await browser.PostAsync(url, [("__RequestVerificationToken", token), .. fields]);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Owner.Dispose();
        await Web.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
