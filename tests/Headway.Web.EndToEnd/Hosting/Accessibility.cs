using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Headway.Web.EndToEnd.Hosting;

/// <summary>axe-core, injected into the page as it stands: any serious or critical violation fails the test.</summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>The blocking violations on the page, one line each with the elements concerned (empty when none).</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => Blocking.Contains(v.Impact, StringComparer.Ordinal))
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.HelpUrl}) at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")];
    }

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var problems = await ProblemsAsync(page);
        if (problems.Count > 0)
        {
            var size = page.ViewportSize is { } s ? $"{s.Width}x{s.Height}" : "default size";
            Assert.Fail($"axe-core found {problems.Count} serious or critical violation(s) on {page.Url} at {size}:\n" + string.Join('\n', problems));
        }
    }
}
