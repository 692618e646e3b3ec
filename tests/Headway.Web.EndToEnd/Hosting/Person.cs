using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Headway.Web.EndToEnd.Hosting;

/// <summary>
/// Someone using the site in a browser tab: opens pages, fills in fields by their labels, presses buttons by their
/// names and waits to see text, as a person would. Every page they reach is checked with axe-core once, when they
/// first look at it (<see cref="SeesAsync"/>), so a flow checks every page it visits without saying so.
/// </summary>
public sealed class Person(IPage page, Uri site) : IAsyncDisposable
{
    private bool _pageUnchecked;

    public IPage Page { get; } = page;

    // A second tab shares the first one's browser context: closing it must leave the context (and its cookies) alone.
    private bool IsTab { get; init; }

    /// <summary>A new browser context (its own cookies) at a phone's size, as most people use Headway.</summary>
    public static async Task<Person> OpenAsync(IBrowser browser, Uri site, string? storageState = null)
    {
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = Screenshots.Phone,
            StorageState = storageState,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        return new Person(await context.NewPageAsync(), site);
    }

    /// <summary>The same person in another tab of their browser (same cookies), as when a page is opened twice.</summary>
    public async Task<Person> NewTabAsync() => new(await Page.Context.NewPageAsync(), site) { IsTab = true };

    public async Task GoToAsync(string path)
    {
        var response = await Page.GotoAsync(new Uri(site, path).ToString());
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        _pageUnchecked = true;
    }

    public Task FillAsync(string label, string value, ILocator? within = null) => Field(label, within).FillAsync(value);

    public Task TickAsync(string label) => Field(label).CheckAsync();

    public Task ChooseAsync(string label, string option) => Field(label).SelectOptionAsync(new SelectOptionValue { Label = option });

    public async Task PressAsync(string button, ILocator? within = null)
    {
        await (within ?? Page.Locator("body")).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        _pageUnchecked = true;
    }

    public async Task FollowAsync(string link)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).First.ClickAsync();
        _pageUnchecked = true;
    }

    /// <summary>
    /// First run: any page leads to the setup page, where this person creates the owner account (a screenshot of the
    /// empty form when <paramref name="screenshot"/> names one). A new owner's first page is goal discovery.
    /// </summary>
    public async Task SetsUpHeadwayAsync(string email, string password, string? screenshot = null)
    {
        await GoToAsync("/");
        await SeesAsync("Welcome to Headway");
        if (screenshot is not null)
        {
            await ScreenshotAsync(screenshot);
        }

        await FillAsync("Email", email);
        await FillAsync("Password", password);
        await FillAsync("Password again", password);
        await PressAsync("Create the owner account");
        await SeesAsync("What matters to you?");
    }

    /// <summary>Waits until the text shows on the page, then checks the page with axe-core if it is new.</summary>
    public async Task SeesAsync(string text)
    {
        await Expect(Page.GetByText(text).First).ToBeVisibleAsync();
        if (_pageUnchecked)
        {
            _pageUnchecked = false;
            await Accessibility.AssertAccessibleAsync(Page);
        }
    }

    /// <summary>The list item that shows <paramref name="text"/> (an action, with its own buttons and fields).</summary>
    public ILocator Item(string text) => Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text });

    public Task ScreenshotAsync(string name) => Screenshots.TakeAsync(Page, name);

    public async ValueTask DisposeAsync()
    {
        if (IsTab)
        {
            await Page.CloseAsync();
        }
        else
        {
            await Page.Context.DisposeAsync();
        }
    }

    /// <summary>The form sent by <paramref name="button"/>, for a page with two forms that ask the same thing.</summary>
    public ILocator Form(string button) =>
        Page.Locator("form").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }) });

    private ILocator Field(string label, ILocator? within = null) => (within ?? Page.Locator("body")).GetByLabel(label, new() { Exact = true });
}
