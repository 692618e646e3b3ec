using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Goals;

namespace Headway.Core.Reviews;

/// <summary>The week's facts every part of the review reads, derived once from the input.</summary>
internal sealed class ReviewFacts
{
    public ReviewFacts(ReviewInput input)
    {
        Input = input;
        ActiveGoals = [.. input.Goals.Where(g => g.Status == GoalStatus.Active)];
        Completed = [.. input.Actions.Where(a => IsCompletedIn(a, input))];
        Progress = [.. Completed.Where(ReviewCalculator.IsProgress)];
        Added = [.. input.Actions.Where(a => input.Week.Contains(a.CreatedAt))];
        // The week's work is what was finished or planned in it: an action added on Monday and still open counts as
        // much toward "what did I busy myself with" as one ticked off.
        WeekActions = [.. Completed.Union(Added).OrderBy(a => a.Id)];
        EventsByAction = input.Events
            .GroupBy(e => e.ActionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ActionEvent>)[.. g.OrderBy(e => e.At)]);
        ActionsById = input.Actions.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
    }

    public ReviewInput Input { get; }

    public IReadOnlyList<Goal> ActiveGoals { get; }

    /// <summary>Actions done with their completion instant inside the week.</summary>
    public IReadOnlyList<PlannedAction> Completed { get; }

    /// <summary>Completed actions that advanced a goal: meaningful, aligned and with a recorded result.</summary>
    public IReadOnlyList<PlannedAction> Progress { get; }

    /// <summary>Actions created inside the week.</summary>
    public IReadOnlyList<PlannedAction> Added { get; }

    /// <summary>Actions completed or added in the week, by id.</summary>
    public IReadOnlyList<PlannedAction> WeekActions { get; }

    public IReadOnlyDictionary<long, IReadOnlyList<ActionEvent>> EventsByAction { get; }

    public IReadOnlyDictionary<long, PlannedAction> ActionsById { get; }

    public int Count(long actionId, ActionEventKind kind) =>
        EventsByAction.TryGetValue(actionId, out var events) ? events.Count(e => e.Kind == kind) : 0;

    public bool HasEventInWeek(long actionId, ActionEventKind kind) =>
        EventsByAction.TryGetValue(actionId, out var events) && events.Any(e => e.Kind == kind && Input.Week.Contains(e.At));

    public int OutcomesFor(long goalId) => Progress.Count(a => a.GoalId == goalId);

    // Why CompletedAt and not the planned week: the review counts what happened in the week, wherever it was planned.
    private static bool IsCompletedIn(PlannedAction a, ReviewInput input) =>
        a.Status == ActionStatus.Done && a.CompletedAt is { } at && input.Week.Contains(at);

    /// <summary>Outreach and exposure are where rejection lives; the stretch flag is the user's own word for risk.</summary>
    public static bool IsRisky(PlannedAction a) =>
        a.Stretch || a.Signals.Any(s => s.Code is SignalCode.Outreach or SignalCode.Exposure);

    /// <summary>Preparing and polishing are the perfectionist's busy work.</summary>
    public static bool IsPreparing(PlannedAction a) =>
        a.Signals.Any(s => s.Code is SignalCode.Preparation or SignalCode.Polishing);
}
