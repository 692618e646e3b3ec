using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.EndToEnd.Hosting;

namespace Headway.Web.EndToEnd.Flows;

/// <summary>
/// A new user's first session, on a phone-sized browser: set up the account, write down goals, fill Now (taking the
/// analyzer's rewrite of a passive action), run into the cap, finish two actions with results and see the week's
/// progress ratio in the review. Every page reached is checked with axe-core on the way.
/// </summary>
public sealed class FirstWeekTests(Chromium chromium)
{
    private const string Email = "maya@example.com";
    private const string Password = "paper lanterns over the harbour";

    private static readonly (string Title, string Why, string Area)[] Goals =
    [
        ("Finish the first draft of my novel", "I have talked about this book for three years", "writing"),
        ("Run the Hometown 5K under 30 minutes", "To feel strong again", "fitness"),
        ("Find a product design job", "I want to make things people use", "career"),
    ];

    public static IEnumerable<TheoryDataRow<Provider>> Providers() => TestDatabases.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NewUser_SetsUpGoalsAndNow_MeetsTheCap_AndSeesProgressInTheReview(Provider provider)
    {
        await using var site = await LiveSite.StartAsync(provider);
        await using var maya = await Person.OpenAsync(chromium.Browser(), site.Address);

        // First run: any page leads to the owner's setup.
        await maya.GoToAsync("/");
        await maya.SeesAsync("Welcome to Headway");
        await maya.ScreenshotAsync("setup");
        await maya.FillAsync("Email", Email);
        await maya.FillAsync("Password", Password);
        await maya.FillAsync("Password again", Password);
        await maya.PressAsync("Create the owner account");
        // A new user's first page is goal discovery.
        await maya.SeesAsync("What matters to you?");

        await AddGoalsAsync(maya);
        await maya.GoToAsync("/");
        await maya.SeesAsync("(3/5 active)");

        // Four meaningful actions go straight to Now.
        await AddNowAsync(maya, "write 1,000 words of chapter 4 by fri", Goals[0].Title);
        await AddNowAsync(maya, "run 5 km at an easy pace", Goals[1].Title);
        await AddNowAsync(maya, "send my portfolio to 3 design studios", Goals[2].Title);
        await AddNowAsync(maya, "email Dana to ask her to beta read chapters 1-3", Goals[0].Title);

        // A passive one: the verdict, its evidence and a rewrite come first; taking the rewrite adds that instead.
        await FillQuickAddAsync(maya, "watch 3 youtube tutorials on story structure", Goals[0].Title);
        await maya.PressAsync("Add");
        await maya.SeesAsync("This looks passive");
        await maya.SeesAsync("consumption");
        await maya.SeesAsync("Try instead:");
        var rewrite = await maya.Page.GetByText("Try instead:").Locator("strong").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(rewrite));
        await maya.ScreenshotAsync("quick-add-passive");
        await maya.PressAsync("Use the suggestion");
        await maya.SeesAsync($"Added to Now: {rewrite}");
        await maya.SeesAsync("Now (5/5)");

        // A sixth: refused, with what to do about it, and Now still holds five.
        await FillQuickAddAsync(maya, "draft the query letter for agents", Goals[0].Title);
        await maya.PressAsync("Add");
        await maya.SeesAsync("Now already holds 5 open actions");
        await maya.ScreenshotAsync("quick-add-cap");
        await maya.GoToAsync("/");
        await maya.SeesAsync("Now (5/5)");
        Assert.Equal(0, await maya.Item("draft the query letter").CountAsync());

        // Two done, each with the result actually achieved.
        await CompleteAsync(maya, "write 1,000 words of chapter 4 by fri", "1,150 words");
        await CompleteAsync(maya, "run 5 km at an easy pace", "5.2 km in 34 minutes");
        await maya.SeesAsync("Now (3/5)");
        await maya.SeesAsync("2 outcomes from 2 completed actions");

        await maya.FollowAsync("Review");
        await maya.SeesAsync("Progress, not activity");
        await maya.SeesAsync("Progress ratio 100%: 2 outcomes from 2 completed actions");
        await maya.SeesAsync($"1 outcome {Goals[0].Title}");
        await maya.SeesAsync($"stalled {Goals[2].Title}");
    }

    // The goals are written one by one on /goals/new here; goal discovery's own steps are covered by DiscoveryPageTests.
    private static async Task AddGoalsAsync(Person person)
    {
        foreach (var (title, why, area) in Goals)
        {
            await person.GoToAsync("/goals/new");
            await person.FillAsync("Goal", title);
            await person.FillAsync("Why it matters (optional)", why);
            await person.ChooseAsync("Area", area);
            await person.PressAsync("Add the goal");
            await person.SeesAsync($"Added goal: {title}");
        }
    }

    private static async Task FillQuickAddAsync(Person person, string text, string goal)
    {
        await person.GoToAsync("/add");
        await person.FillAsync("What will you do?", text);
        await person.ChooseAsync("Goal", goal);
        // The option's label carries Now's count ("Now (4/5)"): choose it by its value.
        await person.Page.GetByLabel("When", new() { Exact = true }).SelectOptionAsync("now");
    }

    private static async Task AddNowAsync(Person person, string text, string goal)
    {
        await FillQuickAddAsync(person, text, goal);
        await person.PressAsync("Add");
        await person.SeesAsync($"Added to Now: {text}");
    }

    private static async Task CompleteAsync(Person person, string action, string result)
    {
        var item = person.Item(action);
        await item.GetByLabel("Result").FillAsync(result);
        await person.PressAsync("Done", item);
        await person.SeesAsync($"Done: {action} → {result}");
    }
}
