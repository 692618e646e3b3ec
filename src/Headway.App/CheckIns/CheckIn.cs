using System.Globalization;
using System.Text;
using Headway.Core.Actions;
using Headway.Core.Commitments;
using Headway.Core.Reviews;

namespace Headway.App.CheckIns;

/// <summary>One goal's week in a check-in: its outcomes (with the actions behind them when the partner sees actions).</summary>
public sealed record CheckInGoal(long Id, string Title, int Outcomes, bool Stalled, IReadOnlyList<string> Delivered);

/// <summary>
/// A weekly check-in as one partner receives it: only the goals shared with them, the outcomes delivered per goal,
/// what slipped, the progress ratio of that shared work and the commitments coming up.
/// </summary>
public sealed record CheckIn(
    string UserName, DateOnly WeekStart, DateOnly WeekEnd, int Completed, int Outcomes, double ProgressRatio,
    IReadOnlyList<CheckInGoal> Goals, IReadOnlyList<string> Slipped, IReadOnlyList<string> Upcoming)
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public string Subject => $"{UserName}'s check-in: week of {WeekStart.ToString("d MMM yyyy", En)}";

    /// <summary>
    /// Builds the check-in from the week's stored facts, keeping only what the shared goals cover (their actions and
    /// commitments), so the figures a partner reads are computed from nothing they may not see.
    /// </summary>
    public static CheckIn Compose(string userName, ReviewInput week, IReadOnlySet<long>? sharedGoals, bool seesActions)
    {
        ArgumentNullException.ThrowIfNull(week);
        bool Shared(long? goalId) => sharedGoals is null || (goalId is { } g && sharedGoals.Contains(g));
        var actions = week.Actions.Where(a => Shared(a.GoalId)).ToList();
        var ids = actions.Select(a => a.Id).ToHashSet();
        var input = week with
        {
            Goals = [.. week.Goals.Where(g => Shared(g.Id))],
            Actions = actions,
            Events = [.. week.Events.Where(e => ids.Contains(e.ActionId))],
            Commitments = [.. week.Commitments.Where(c => Shared(c.GoalId) || (c.ActionId is { } a && ids.Contains(a)))],
        };
        var review = ReviewCalculator.Compute(input);
        var byId = actions.ToDictionary(a => a.Id);

        var goals = review.Goals.Select(g => new CheckInGoal(g.Id, g.Title, g.Outcomes, g.Stalled, seesActions
            ? [.. actions.Where(a => a.GoalId == g.Id && a.Status == ActionStatus.Done && a.CompletedAt is { } at && week.Week.Contains(at) && !string.IsNullOrWhiteSpace(a.Result))
                .Select(a => $"{a.Text} → {a.Result}")]
            : [])).ToList();

        var slipped = new List<string>();
        foreach (var e in input.Events.Where(e => week.Week.Contains(e.At) && e.Kind is ActionEventKind.Postponed or ActionEventKind.Dropped)
                     .GroupBy(e => (e.ActionId, e.Kind)).Select(g => g.First()))
        {
            var verb = e.Kind == ActionEventKind.Dropped ? "dropped" : "put off";
            slipped.Add(seesActions && byId.TryGetValue(e.ActionId, out var a) ? $"{verb}: {a.Text}" : $"an action {verb}{GoalOf(byId, input, e.ActionId)}");
        }

        foreach (var c in input.Commitments.Where(c => c.Status == CommitmentStatus.Missed && week.Week.Contains(c.Due)))
        {
            slipped.Add($"missed commitment: {c.Describe()}");
        }

        var upcoming = input.Commitments
            .Where(c => c.IsLive && c.Due >= week.Today && c.Due <= week.Today.AddDays(14))
            .OrderBy(c => c.Due)
            .Select(c => $"{c.Describe()}{(c.Status == CommitmentStatus.Locked ? " (locked)" : "")}")
            .ToList();
        return new CheckIn(userName, review.WeekStart, review.WeekEnd, review.Completed, review.Outcomes, review.ProgressRatio, goals, slipped, upcoming);
    }

    /// <summary>The plain text of the email and of the feed item.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(En, $"{UserName}'s week, {WeekStart.ToString("ddd d MMM", En)} – {WeekEnd.ToString("ddd d MMM yyyy", En)}\n\n");
        var percent = (int)Math.Round(ProgressRatio * 100);
        text.Append(En, $"Progress ratio: {percent}% ({Count(Outcomes, "outcome")} from {Count(Completed, "completed action")}).\n\n");
        text.Append("Outcomes per goal:\n");
        if (Goals.Count == 0)
        {
            text.Append("  (no shared active goals)\n");
        }

        foreach (var g in Goals)
        {
            text.Append(En, $"  {g.Title}: {(g.Stalled ? "stalled, no outcome this week" : Count(g.Outcomes, "outcome"))}\n");
            foreach (var d in g.Delivered)
            {
                text.Append(En, $"    - {d}\n");
            }
        }

        text.Append("\nWhat slipped:\n");
        text.Append(Slipped.Count == 0 ? "  nothing\n" : string.Concat(Slipped.Select(s => $"  - {s}\n")));
        text.Append("\nComing up:\n");
        text.Append(Upcoming.Count == 0 ? "  no commitments in the next two weeks\n" : string.Concat(Upcoming.Select(u => $"  - {u}\n")));
        return text.ToString();
    }

    private static string GoalOf(Dictionary<long, PlannedAction> byId, ReviewInput input, long actionId) =>
        byId.TryGetValue(actionId, out var a) && input.Goals.FirstOrDefault(g => g.Id == a.GoalId) is { } goal ? $" ({goal.Title})" : "";

    private static string Count(int n, string noun) => string.Create(En, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
