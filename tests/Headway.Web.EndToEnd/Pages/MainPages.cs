namespace Headway.Web.EndToEnd.Pages;

/// <summary>Who looks at a page: someone signed out, or the owner of the sample site's plans.</summary>
public enum Visitor
{
    SignedOut,
    Owner,
}

/// <summary>
/// A main page of the site: the name of its screenshots, its path (<c>{goal}</c> and <c>{action}</c> stand for ids of
/// the sample site), who visits it, and a text that proves it rendered (not a redirect to the sign-in page).
/// </summary>
public sealed record MainPage(string Name, string Path, Visitor Visitor, string Shows);

/// <summary>
/// Every main page, toured by <see cref="EveryPageTests"/>: screenshots at both sizes and axe-core at both sizes.
/// A new page takes one line here.
/// </summary>
public static class MainPages
{
    public static readonly IReadOnlyList<MainPage> All =
    [
        new("sign-in", "/account/sign-in", Visitor.SignedOut, "Sign in"),
        new("dashboard", "/", Visitor.Owner, "Now (5/5)"),
        new("quick-add", "/add", Visitor.Owner, "What will you do?"),
        new("goal", "/goals/{goal}", Visitor.Owner, "delivered so far"),
        new("new-goal", "/goals/new", Visitor.Owner, "A big-picture goal"),
        new("review", "/review", Visitor.Owner, "Progress, not activity"),
    ];
}
