using Headway.Core.Actions;
using Headway.Core.Goals;
using static Headway.Core.Reviews.ReviewText;

namespace Headway.Core.Reviews;

/// <summary>
/// The essay's three causes of busy work, each scored 0–100 from the week's stored facts, with the sentences that
/// justify the score. A score is the sum of a few capped parts, so one strong sign or several weaker ones both show;
/// a cause with no evidence scores 0.
/// </summary>
internal static class Diagnoser
{
    /// <summary>Edits at which reworking an action's wording starts to look like polishing the plan.</summary>
    internal const int RepeatedEdits = 3;

    /// <summary>Postponements at which putting off a risky step looks like avoiding it.</summary>
    internal const int RepeatedPostponements = 2;

    /// <summary>New actions in a week below which "few completions" is not yet a pattern.</summary>
    internal const int ManyPlans = 4;

    public static IReadOnlyList<Diagnosis> Diagnose(ReviewFacts facts, int stretchCount, int stretchQuota) =>
    [
        .. new[] { NoGoals(facts), Perfectionism(facts), Fear(facts, stretchCount, stretchQuota) }
            .OrderByDescending(d => d.Score)
            .ThenBy(d => d.Cause),
    ];

    private static Diagnosis NoGoals(ReviewFacts facts)
    {
        var evidence = new List<string>();
        var score = 0;

        // Why the goal count weighs most: without 3–5 goals there is nothing for work to be aligned to.
        var active = facts.ActiveGoals.Count;
        if (active < GoalRules.MinSuggested)
        {
            score += active switch { 0 => 50, 1 => 30, _ => 15 };
            evidence.Add(active == 0
                ? "You have no active goals."
                : $"You have only {Plural(active, "active goal", "active goals")}; the method asks for 3–5.");
        }

        var unaligned = facts.WeekActions.Where(a => !a.IsAligned).ToList();
        if (unaligned.Count > 0)
        {
            score += Part(50, unaligned.Count, facts.WeekActions.Count);
            evidence.Add(
                $"{Share(unaligned.Count, facts.WeekActions.Count)} of the actions completed or added this week serve no goal: "
                + QuoteSome([.. unaligned.Select(a => a.Text)]) + ".");
        }

        return new Diagnosis(Cause.NoGoals, Math.Min(100, score), evidence);
    }

    private static Diagnosis Perfectionism(ReviewFacts facts)
    {
        var evidence = new List<string>();
        var score = 0;

        var preparing = facts.WeekActions.Where(ReviewFacts.IsPreparing).ToList();
        if (preparing.Count > 0)
        {
            score += Part(50, preparing.Count, facts.WeekActions.Count);
            evidence.Add(
                $"{Share(preparing.Count, facts.WeekActions.Count)} of the actions completed or added this week are preparing or polishing: "
                + QuoteSome([.. preparing.Select(a => a.Text)]) + ".");
        }

        // Rewording a plan again and again is polishing the plan instead of doing it. Only actions still in play
        // (open, or from this week) count: old rewrites of finished work say nothing about this week.
        var reworked = facts.Input.Actions
            .Where(a => a.Status == ActionStatus.Open || facts.WeekActions.Contains(a))
            .Select(a => (Action: a, Edits: facts.Count(a.Id, ActionEventKind.Edited)))
            .Where(x => x.Edits >= RepeatedEdits)
            .OrderByDescending(x => x.Edits).ThenBy(x => x.Action.Id)
            .ToList();
        if (reworked.Count > 0)
        {
            score += Math.Min(25, 10 * reworked.Count);
            evidence.AddRange(reworked.Take(3).Select(x => $"{Quote(x.Action.Text)} was edited {Times(x.Edits)}."));
        }

        // Plans without completions: many new actions and few finished is the over-planner's week.
        var added = facts.Added.Count;
        var completed = facts.Completed.Count;
        if (added >= ManyPlans && completed * 3 < added)
        {
            score += 25;
            evidence.Add($"You added {Plural(added, "action", "actions")} this week but completed {completed}: plans without completions.");
        }

        return new Diagnosis(Cause.Perfectionism, Math.Min(100, score), evidence);
    }

    private static Diagnosis Fear(ReviewFacts facts, int stretchCount, int stretchQuota)
    {
        var evidence = new List<string>();
        var score = 0;

        // A risky step still open after two postponements, or dropped this week, is being avoided. A risky step that
        // was finally done is not: the risk was taken, whatever the answer.
        foreach (var a in facts.Input.Actions.Where(ReviewFacts.IsRisky).OrderBy(a => a.Id))
        {
            var postponed = facts.Count(a.Id, ActionEventKind.Postponed);
            var sentence = a.Status switch
            {
                ActionStatus.Open when postponed >= RepeatedPostponements =>
                    $"{Quote(a.Text)} was postponed {Times(postponed)} and is still open.",
                ActionStatus.Dropped when facts.HasEventInWeek(a.Id, ActionEventKind.Dropped) => postponed > 0
                    ? $"{Quote(a.Text)} was postponed {Times(postponed)}, then dropped this week."
                    : $"{Quote(a.Text)} was dropped this week.",
                _ => null,
            };
            if (sentence is not null)
            {
                score += 25;
                evidence.Add(sentence);
            }
        }

        score = Math.Min(75, score);
        if (stretchCount < stretchQuota)
        {
            score += 25;
            evidence.Add(stretchCount == 0
                ? "No stretch action this week: nothing outside your comfort zone was done."
                : $"Only {Plural(stretchCount, "stretch action", "stretch actions")} this week, below your quota of {stretchQuota}.");
        }

        return new Diagnosis(Cause.Fear, Math.Min(100, score), evidence);
    }

    // Rounded up so that any evidence at all gives a score above 0.
    private static int Part(int weight, int part, int whole) =>
        whole == 0 ? 0 : (int)Math.Ceiling((double)weight * part / whole);
}
