using System.Collections.Concurrent;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Web.EndToEnd.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Headway.Web.EndToEnd.Flows;

/// <summary>
/// A new user's first session, on a phone-sized browser: set up the account, find three goals through goal discovery
/// (answers turned into drafts), take a first step for each, fill Now in quick add (taking the analyzer's rewrite of a
/// passive action), run into the cap, finish two actions with results and see the week's progress ratio and charts in
/// the review. Every page reached is checked with axe-core on the way.
/// </summary>
public sealed class FirstWeekTests(Chromium chromium)
{
    private const string Email = "maya@example.com";
    private const string Password = "paper lanterns over the harbour";

    // Each goal starts as Maya's answer to one of discovery's questions, drafted into a title by the page.
    private static readonly (string Answer, int Question, string Title, string Area, string Why)[] Goals =
    [
        ("finish the first draft of my novel", 0, "Finish the first draft of my novel", "writing", "I have talked about this book for three years"),
        ("run the Hometown 5K under 30 minutes", 2, "Run the Hometown 5K under 30 minutes", "fitness", "To feel strong again"),
        ("find a product design job", 1, "Find a product design job", "career", "I want to make things people use"),
    ];

    public static IEnumerable<TheoryDataRow<Provider>> Providers() => TestDatabases.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NewUser_FindsGoalsAndFillsNow_MeetsTheCap_AndSeesProgressAndChartsInTheReview(Provider provider)
    {
        await using var site = await LiveSite.StartAsync(provider);
        await using var maya = await Person.OpenAsync(chromium.Browser(), site.Address);

        // A new user's first page is goal discovery: reflect, draft goals from the answers, take a first step for each.
        await maya.SetsUpHeadwayAsync(Email, Password, screenshot: "setup");
        await ReflectAsync(maya);
        await DraftGoalsAsync(maya);
        await FirstActionsAsync(maya);
        await maya.FollowAsync("Done for now: go to your dashboard");
        await maya.SeesAsync("(3/5 active)");
        await maya.SeesAsync("Now (3/5)");

        // Quick add fills Now: one more meaningful action, then a passive one whose verdict, evidence and rewrite come as
        // it is typed and again on Add; taking the rewrite adds that instead.
        await AddNowAsync(maya, "email Dana to ask her to beta read chapters 1-3", Goals[0].Title);
        await FillQuickAddAsync(maya, "watch 3 youtube tutorials on story structure", Goals[0].Title);
        await Expect(maya.Page.Locator("#live-verdict")).ToContainTextAsync("This looks passive");
        await maya.PressAsync("Add");
        await maya.SeesAsync("This looks passive");
        await maya.SeesAsync("consumption");
        await maya.SeesAsync("Try instead:");
        var rewrite = await maya.Page.GetByRole(AriaRole.Alert).GetByText("Try instead:").Locator("strong").InnerTextAsync();
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

        // The review: the ratio in words, and both charts of the last 12 weeks, loaded as SVG and described in words.
        var charts = new ConcurrentDictionary<string, IResponse>(StringComparer.Ordinal);
        maya.Page.Response += (_, response) => charts[new Uri(response.Url).PathAndQuery] = response;
        await maya.FollowAsync("Review");
        await maya.SeesAsync("Progress, not activity");
        await maya.SeesAsync("Progress ratio 100%: 2 outcomes from 2 completed actions");
        await maya.SeesAsync($"1 outcome {Goals[0].Title}");
        await maya.SeesAsync($"stalled {Goals[2].Title}");
        await SeesChartAsync(maya, charts, "Outcomes per goal per week", "2 outcomes in all");
        await SeesChartAsync(maya, charts, "Progress ratio per week", "The numbers are in the table below");
    }

    private static async Task ReflectAsync(Person person)
    {
        foreach (var (answer, question, _, _, _) in Goals)
        {
            await person.FillAsync(Core.Goals.Discovery.Questions[question].Text, answer);
        }

        await person.PressAsync("Next: draft goals");
        await person.SeesAsync("Write down 3–5 goals");
    }

    // Each answer becomes a draft (title and a guessed area) with one button; Maya adds why it matters, and a target.
    private static async Task DraftGoalsAsync(Person person)
    {
        foreach (var (answer, _, title, area, why) in Goals)
        {
            await person.PressAsync("Start a goal from this", person.Item($"“{answer}”"));
            await Expect(person.Page.GetByLabel("Goal", new() { Exact = true })).ToHaveValueAsync(title);
            await Expect(person.Page.GetByLabel("Area", new() { Exact = true })).ToHaveValueAsync(area);
            if (title == Goals[0].Title)
            {
                await person.ScreenshotAsync("start-draft");
                await person.FillAsync("Target (optional)", "80000 words");
                await person.FillAsync("Target date (optional)", "2027-09-30");
            }

            await person.FillAsync("Why it matters (optional)", why);
            await person.PressAsync("Add this goal");
            await person.SeesAsync($"Added: {title}");
        }

        await person.SeesAsync("(3/5 active)");
        await person.FollowAsync("Next: first actions");
        await person.SeesAsync("Five things you can do right now");
    }

    // One step per goal: the page offers the next goal with nothing in Now yet.
    private static async Task FirstActionsAsync(Person person)
    {
        foreach (var (text, goal) in new[]
        {
            ("write 1,000 words of chapter 4 by fri", Goals[0].Title),
            ("run 5 km at an easy pace", Goals[1].Title),
            ("send my portfolio to 3 design studios", Goals[2].Title),
        })
        {
            await Expect(person.Page.GetByLabel("For which goal?").Locator("option:checked")).ToHaveTextAsync($"{goal} (nothing in Now yet)");
            await person.FillAsync("What can you do right now?", text);
            await person.PressAsync("Add to Now");
            await person.SeesAsync($"Added to Now: {text}");
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

    // A chart is an image found by its alt text, drawn (not a broken image), served as SVG with 200.
    private static async Task SeesChartAsync(Person person, ConcurrentDictionary<string, IResponse> responses, string name, string alsoSays)
    {
        var chart = person.Page.GetByRole(AriaRole.Img, new() { Name = name });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(alsoSays)));
        await Expect(chart).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await chart.EvaluateAsync<int>("image => image.naturalWidth") > 0, $"The chart '{name}' did not draw.");
        var src = await chart.GetAttributeAsync("src");
        Assert.True(responses.TryGetValue(src!, out var response), $"No response seen for {src}.");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/svg+xml", response.Headers["content-type"], StringComparison.Ordinal);
    }
}
