namespace Headway.Web.EndToEnd.Pages;

/// <summary>Who looks at a page: someone signed out, the owner of the sample site's plans, or her partner.</summary>
public enum Visitor
{
    SignedOut,
    Owner,
    Partner,
}

/// <summary>
/// A main page of the site: the name of its screenshots, its path (<c>{goal}</c>, <c>{race}</c>, <c>{action}</c>,
/// <c>{owner}</c> and <c>{invitation}</c> stand for the sample site's records, see <see cref="SampleSite.Ids"/>), who
/// visits it, and a text that proves it rendered (not a redirect to the sign-in page or to goal discovery).
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
        new("api-reference", "/api/reference", Visitor.SignedOut, "Goals, actions, the analyzer"),
        new("dashboard", "/", Visitor.Owner, "Now (5/5)"),
        new("start", "/start", Visitor.Owner, "What matters to you?"),
        new("start-goals", "/start?step=goals", Visitor.Owner, "Write down 3–5 goals"),
        new("start-actions", "/start?step=actions", Visitor.Owner, "that is your start"),
        new("quick-add", "/add", Visitor.Owner, "What will you do?"),
        new("edit-action", "/actions/{action}/edit", Visitor.Owner, "Edit an action"),
        new("goal", "/goals/{goal}", Visitor.Owner, "delivered so far"),
        new("goal-commitment", "/goals/{race}", Visitor.Owner, "waiting for Sam Okafor"),
        new("edit-goal", "/goals/{goal}/edit", Visitor.Owner, "Edit the goal"),
        new("new-goal", "/goals/new", Visitor.Owner, "A big-picture goal"),
        new("review", "/review", Visitor.Owner, "Progress, not activity"),
        new("partners", "/partners", Visitor.Owner, "Sees Run the Hometown 5K under 30 minutes, with your individual actions"),
        new("person", "/people/{owner}", Visitor.Partner, "Waiting for your decision"),
        new("invitation", "/invitations/{invitation}", Visitor.SignedOut, "Ana Lima asks you to be their accountability partner"),
        new("notifications", "/notifications", Visitor.Owner, "3.2 km of intervals on a Monday"),
        new("import", "/import", Visitor.Owner, "Audit or import a backlog"),
        new("settings", "/settings", Visitor.Owner, "You and your week"),
        new("security", "/settings/security", Visitor.Owner, "Two-factor sign-in"),
        new("tokens", "/settings/tokens", Visitor.Owner, "Shortcuts on my phone"),
        new("notification-settings", "/settings/notifications", Visitor.Owner, "Weekly check-in"),
    ];
}
