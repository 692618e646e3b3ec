using Headway.App;
using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Tokens;
using Headway.App.Users;
using Headway.Core.Actions;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Headway.Core.Partners;
using Headway.Web.Accounts;
using Headway.Web.EndToEnd.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Headway.Web.EndToEnd.Pages;

/// <summary>
/// One site for the page tour, holding a believable week of an owner's plans (three goals, full Now, a passive action
/// kept as is, outcomes delivered, a locked commitment coming up) and of her accountability partner (Sam, who accepted
/// her invitation, sees the race and her actions, cheered her on, and has her request for a later race date waiting),
/// plus an invitation nobody has opened yet, so that every page shows what it is for.
/// </summary>
public sealed class SampleSite : IAsyncLifetime
{
    public const string Email = "ana@example.com";
    public const string Password = "blue kettle under the stairs";
    public const string PartnerEmail = "sam@example.com";
    public const string PartnerPassword = "seven herons on the river";

    private readonly SemaphoreSlim _signIn = new(1, 1);
    private readonly Dictionary<Visitor, string> _states = [];
    private LiveSite? _site;

    public LiveSite Site => _site ?? throw new InvalidOperationException("The site has not started.");

    /// <summary>
    /// What a page's path may name: <c>{goal}</c> (the novel), <c>{race}</c> (the 5K goal, with a locked commitment and a
    /// request for a later date), <c>{action}</c> (an open action in Now), <c>{owner}</c>
    /// (the owner's user id, for her partner's view) and <c>{invitation}</c> (the token of an open invitation).
    /// </summary>
    public Dictionary<string, string> Ids { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _site = await LiveSite.StartAsync();
        long partnerId;
        using (var scope = Site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HeadwayIdentityUser>>();
            var setup = scope.ServiceProvider.GetRequiredService<AccountSetup>();
            var created = await setup.CreateOwnerAsync(users, Email, Password, ct);
            Assert.True(created.Succeeded, string.Join(' ', created.Errors.Select(e => e.Description)));
            var (made, partner) = await setup.CreatePersonAsync(users, "Sam Okafor", PartnerEmail, PartnerPassword, ct);
            Assert.True(made.Succeeded, string.Join(' ', made.Errors.Select(e => e.Description)));
            partnerId = partner!.UserId;
        }

        await Site.AsOwnerAsync(async s =>
        {
            async Task<long> Goal(string title, string why, GoalArea area, Quantity? target = null, DateOnly? by = null) =>
                (await AddGoal.RunAsync(s, new(title, why, area, target, by), ct)).Value.Id;
            async Task<long> Action(string text, long? goal, Horizon horizon, string? outcome = null, bool keepPassive = false, DateOnly? due = null)
            {
                var added = await AddAction.RunAsync(s, new(text, goal?.ToString(System.Globalization.CultureInfo.InvariantCulture), horizon, due, outcome, keepPassive), ct);
                Assert.True(added.IsOk, added.Error?.Message);
                return added.Value.Id;
            }

            static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

            // The name her partner and invitees know her by.
            Assert.True((await ChangeSettings.RunAsync(s, null, null, ct, name: "Ana Lima")).IsOk);
            Ids["owner"] = Id(s.UserId);
            var novel = await Goal("Finish the first draft of my novel", "I have talked about this book for three years.", GoalArea.Writing, new Quantity(80_000, "words"), new DateOnly(2027, 9, 30));
            var run = await Goal("Run the Hometown 5K under 30 minutes", "To feel strong again.", GoalArea.Fitness);
            var job = await Goal("Find a product design job", "I want to make things people use.", GoalArea.Career);
            Ids["goal"] = Id(novel);
            Ids["race"] = Id(run);

            // Done earlier this week: three outcomes and one piece of preparation without a result.
            foreach (var (text, goal, result) in new[]
            {
                ("write 800 words of chapter 3", (long?)novel, "1,150 words"),
                ("run 3 km intervals", run, "3.2 km"),
                ("ask Lee for feedback on my case study", job, "rejected, but Lee pointed me to two studios"),
                ("research fonts for the book cover", novel, (string?)null),
            })
            {
                var id = await Action(text, goal, Horizon.Week, keepPassive: true);
                Assert.True((await CompleteAction.RunAsync(s, id, result, ct)).IsOk);
            }

            Ids["action"] = Id(await Action("write 1,000 words of chapter 4 by fri", novel, Horizon.Now, "1000 words"));
            await Action("email Dana to ask her to beta read chapters 1-3", novel, Horizon.Now);
            await Action("run 5 km at an easy pace", run, Horizon.Now, "5 km");
            await Action("send my portfolio to 3 design studios", job, Horizon.Now);
            await Action("watch 3 youtube tutorials on story structure", novel, Horizon.Now, keepPassive: true);
            await Action("book a mock interview with Sam", job, Horizon.Week, due: new DateOnly(2027, 3, 5));
            await Action("sign up for the Saturday parkrun", run, Horizon.Week);
            await Action("reorganize my notes app", null, Horizon.Week, keepPassive: true);
            await Action("rewrite the opening scene of chapter 1", novel, Horizon.Later);

            var race = await CreateCommitment.RunAsync(s, new NewCommitment(Id(run), null, new DateOnly(2027, 3, 14), "Hometown 5K", Lock: true), ct);
            Assert.True(race.IsOk, race.Error?.Message);
            Assert.True((await CreateAccessToken.RunAsync(s, "Shortcuts on my phone", null, ct)).IsOk);

            // Sam accepted an invitation and sees the race with its actions; Lee has not opened hers yet.
            var site = Site.Address.ToString().TrimEnd('/');
            var token = await InviteAsync(s, null, site, ct);
            var accepted = await Site.AsUserAsync(partnerId, p => AcceptInvitation.RunAsync(p, token, ct));
            Assert.True(accepted.IsOk, accepted.Error?.Message);
            Assert.True((await ChooseSharing.RunAsync(s, accepted.Value.PartnershipId, [run], seesActions: true, ct)).IsOk);
            Ids["invitation"] = await InviteAsync(s, "lee@example.com", site, ct);
            var note = await Site.AsUserAsync(partnerId, p => WriteNote.RunAsync(p, new NewNote(s.UserId, NoteKind.Cheer, run, Body: "3.2 km of intervals on a Monday: keep it up!"), ct));
            Assert.True(note.IsOk, note.Error?.Message);

            // The race is locked: a later date waits for Sam's decision.
            var later = await ChangeCommitment.RequestAsync(s, race.Value.Id, CommitmentChange.Reschedule(new DateOnly(2027, 3, 28)), allowRequest: true, ct);
            Assert.True(later.IsOk && later.Value.Request is not null, later.Error?.Message);
            return true;
        });
    }

    /// <summary>
    /// The visitor's browser state: none for someone signed out, else their cookies after signing in once through the
    /// sign-in page.
    /// </summary>
    public async Task<string?> StateAsync(Visitor visitor, IBrowser browser)
    {
        if (visitor == Visitor.SignedOut)
        {
            return null;
        }

        await _signIn.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_states.TryGetValue(visitor, out var state))
            {
                var (email, password) = visitor == Visitor.Owner ? (Email, Password) : (PartnerEmail, PartnerPassword);
                await using var person = await Hosting.Person.OpenAsync(browser, Site.Address);
                await person.GoToAsync("/account/sign-in");
                await person.FillAsync("Email", email);
                await person.FillAsync("Password", password);
                await person.PressAsync("Sign in");
                await person.SeesAsync("Sign out");
                state = _states[visitor] = await person.Page.Context.StorageStateAsync();
            }

            return state;
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <summary>The token at the end of a new invitation's link (with no mailer, the link to copy).</summary>
    private static async Task<string> InviteAsync(PlannerSession s, string? email, string site, CancellationToken ct)
    {
        var made = await InvitePartner.RunAsync(s, email, site, null, ct);
        Assert.True(made.IsOk, made.Error?.Message);
        return made.Value.Link[(made.Value.Link.LastIndexOf('/') + 1)..];
    }

    public async ValueTask DisposeAsync()
    {
        _signIn.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}
