using Headway.App.Actions;
using Headway.Core.Actions;

namespace Headway.App.Tests.Actions;

/// <summary>Action texts whose verdicts are not in doubt, and a quick way to add them.</summary>
internal static class ActionTestData
{
    public const string Meaningful = "write 1,000 words for chapter 4";

    public const string Passive = "read a book about productivity";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adds an action, keeping it even if the analyzer finds it passive; fails the test if it is refused.</summary>
    public static async Task<PlannedAction> AddAsync(PlannerSession s, string text, Horizon horizon = Horizon.Week, string? goal = null, DateOnly? due = null)
    {
        var added = await AddAction.RunAsync(s, new NewAction(text, goal, horizon, due, KeepPassive: true), Ct);
        Assert.True(added.IsOk, added.Error?.Message);
        return added.Value;
    }

    /// <summary>Fills a horizon with distinct meaningful actions.</summary>
    public static async Task<List<PlannedAction>> FillAsync(PlannerSession s, Horizon horizon, int count)
    {
        var list = new List<PlannedAction>();
        for (var i = 1; i <= count; i++)
        {
            list.Add(await AddAsync(s, $"write {i * 100} words of chapter {i}", horizon));
        }

        return list;
    }
}
