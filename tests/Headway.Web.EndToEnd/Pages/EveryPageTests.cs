using Headway.Web.EndToEnd.Hosting;

namespace Headway.Web.EndToEnd.Pages;

/// <summary>
/// Each main page, as its visitor sees it, at a phone's and a laptop's size: screenshots for people to look at, and
/// no serious or critical accessibility violation at either size.
/// </summary>
public sealed class EveryPageTests(Chromium chromium, SampleSite sample) : IClassFixture<SampleSite>
{
    public static IEnumerable<TheoryDataRow<string>> Pages() => MainPages.All.Select(p => new TheoryDataRow<string>(p.Name));

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_RendersForItsVisitor_WithNoSeriousAccessibilityViolation(string name)
    {
        var page = MainPages.All.Single(p => p.Name == name);
        var browser = chromium.Browser();
        await using var person = await Person.OpenAsync(browser, sample.Site.Address, await sample.StateAsync(page.Visitor, browser));

        var path = sample.Ids.Aggregate(page.Path, (p, id) => p.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
        await person.GoToAsync(path);
        await person.SeesAsync(page.Shows);
        await Screenshots.TakeAsync(person.Page, page.Name, Accessibility.AssertAccessibleAsync);
    }
}
