using Headway.Core.Actions;
using Headway.Core.Analysis;

namespace Headway.Core.Reviews;

/// <summary>
/// Proposes next week's Now list: at most five open actions, the ones most likely to turn into outcomes.
/// </summary>
internal static class NowProposal
{
    /// <summary>
    /// Priority, each step breaking the previous one's ties:
    /// 1. meaningful and aligned to a stalled active goal (a stalled goal needs a step most);
    /// 2. meaningful and aligned to another active goal;
    /// 3. anything else (passive, unaligned, or for an inactive goal) — only when there is nothing from 1 or 2, so the
    ///    list never fills up with busy work just to reach five;
    /// then stretch first (the week's risk), due soonest (no date last), a measured outcome first, and lowest id.
    /// </summary>
    public static IReadOnlyList<long> Propose(ReviewFacts facts, IReadOnlyList<GoalReview> goals)
    {
        var stalled = goals.Where(g => g.Stalled).Select(g => g.Id).ToHashSet();
        var active = goals.Select(g => g.Id).ToHashSet();

        var ranked = facts.Input.Actions
            .Where(a => a.Status == ActionStatus.Open)
            .DistinctBy(a => a.Id)
            .Select(a => (Action: a, Tier: Tier(a, active, stalled)))
            .OrderBy(x => x.Tier)
            .ThenByDescending(x => x.Action.Stretch)
            .ThenBy(x => x.Action.Due ?? DateOnly.MaxValue)
            .ThenByDescending(x => x.Action.Outcome?.IsMeasured ?? false)
            .ThenBy(x => x.Action.Id)
            .ToList();

        var hasGood = ranked.Any(x => x.Tier < 2);
        return [.. ranked.Where(x => x.Tier < 2 || !hasGood).Take(ReviewCalculator.MaxProposed).Select(x => x.Action.Id)];
    }

    private static int Tier(PlannedAction a, HashSet<long> active, HashSet<long> stalled) =>
        a.EffectiveVerdict != Verdict.Meaningful || a.GoalId is not { } goal || !active.Contains(goal) ? 2
        : stalled.Contains(goal) ? 0
        : 1;
}
