using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.Core.Actions;
using Headway.Core.Goals;
using Headway.Web.Accounts;
using Headway.Web.EndToEnd.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Headway.Web.EndToEnd.Pages;

/// <summary>
/// One site for the page tour, holding a believable week of an owner's plans (three goals, full Now, a passive action
/// kept as is, outcomes delivered, a commitment coming up), so that every page shows what it is for.
/// </summary>
public sealed class SampleSite : IAsyncLifetime
{
    public const string Email = "ana@example.com";
    public const string Password = "blue kettle under the stairs";

    private readonly SemaphoreSlim _signIn = new(1, 1);
    private LiveSite? _site;
    private string? _ownerState;

    public LiveSite Site => _site ?? throw new InvalidOperationException("The site has not started.");

    /// <summary>Ids a page's path may name: <c>{goal}</c> (the novel), <c>{action}</c> (an open action in Now).</summary>
    public Dictionary<string, long> Ids { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _site = await LiveSite.StartAsync();
        using (var scope = Site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HeadwayIdentityUser>>();
            var created = await scope.ServiceProvider.GetRequiredService<AccountSetup>().CreateOwnerAsync(users, Email, Password, ct);
            Assert.True(created.Succeeded, string.Join(' ', created.Errors.Select(e => e.Description)));
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

            var novel = await Goal("Finish the first draft of my novel", "I have talked about this book for three years.", GoalArea.Writing, new Quantity(80_000, "words"), new DateOnly(2027, 9, 30));
            var run = await Goal("Run the Hometown 5K under 30 minutes", "To feel strong again.", GoalArea.Fitness);
            var job = await Goal("Find a product design job", "I want to make things people use.", GoalArea.Career);
            Ids["goal"] = novel;

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

            Ids["action"] = await Action("write 1,000 words of chapter 4 by fri", novel, Horizon.Now, "1000 words");
            await Action("email Dana to ask her to beta read chapters 1-3", novel, Horizon.Now);
            await Action("run 5 km at an easy pace", run, Horizon.Now, "5 km");
            await Action("send my portfolio to 3 design studios", job, Horizon.Now);
            await Action("watch 3 youtube tutorials on story structure", novel, Horizon.Now, keepPassive: true);
            await Action("book a mock interview with Sam", job, Horizon.Week, due: new DateOnly(2027, 3, 5));
            await Action("sign up for the Saturday parkrun", run, Horizon.Week);
            await Action("reorganize my notes app", null, Horizon.Week, keepPassive: true);
            await Action("rewrite the opening scene of chapter 1", novel, Horizon.Later);

            var race = new NewCommitment(run.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new DateOnly(2027, 3, 14), "Hometown 5K", Lock: true);
            Assert.True((await CreateCommitment.RunAsync(s, race, ct)).IsOk);
            return true;
        });
    }

    /// <summary>The owner's signed-in cookies (signed in once, through the sign-in page).</summary>
    public async Task<string> OwnerStateAsync(IBrowser browser)
    {
        await _signIn.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_ownerState is null)
            {
                await using var owner = await Person.OpenAsync(browser, Site.Address);
                await owner.GoToAsync("/account/sign-in");
                await owner.FillAsync("Email", Email);
                await owner.FillAsync("Password", Password);
                await owner.PressAsync("Sign in");
                await owner.SeesAsync("Now (5/5)");
                _ownerState = await owner.Page.Context.StorageStateAsync();
            }

            return _ownerState;
        }
        finally
        {
            _signIn.Release();
        }
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
