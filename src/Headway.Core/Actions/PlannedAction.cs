using Headway.Core.Analysis;
using Headway.Core.Goals;

namespace Headway.Core.Actions;

/// <summary>When an action is meant to happen.</summary>
public enum Horizon
{
    /// <summary>Right now: at most five open.</summary>
    Now,
    /// <summary>This week: at most ten open.</summary>
    Week,
    /// <summary>The unbounded backlog.</summary>
    Later,
}

/// <summary>Where an action stands.</summary>
public enum ActionStatus
{
    /// <summary>Still to do.</summary>
    Open,
    /// <summary>Done, with the result achieved.</summary>
    Done,
    /// <summary>Dropped on purpose.</summary>
    Dropped,
}

/// <summary>What the user expects the action to leave behind: an amount, or a deliverable in words.</summary>
public sealed record ExpectedOutcome(double? Quantity, string? Unit, string Phrase)
{
    /// <summary>True when the outcome is an amount that can be checked.</summary>
    public bool IsMeasured => Quantity is not null && Unit is not null;

    /// <summary>The outcome as an amount, if it is one.</summary>
    public Quantity? AsQuantity() => IsMeasured ? new Quantity(Quantity!.Value, Unit!) : null;
}

/// <summary>The user's own verdict, replacing the analyzer's, with the reason given.</summary>
public sealed record VerdictOverride(Verdict Verdict, string Reason);

/// <summary>One step toward a goal (or unaligned, when it has none).</summary>
public sealed record PlannedAction(
    long Id,
    string Text,
    long? GoalId,
    Horizon Horizon,
    ActionStatus Status,
    DateOnly? Due,
    ExpectedOutcome? Outcome,
    Verdict Verdict,
    int Score,
    IReadOnlyList<Signal> Signals,
    string? Suggestion,
    VerdictOverride? Override,
    bool Stretch,
    string? Result,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    DateOnly PlannedWeek,
    int Version = 1)
{
    /// <summary>The verdict that counts: the user's override when there is one.</summary>
    public Verdict EffectiveVerdict => Override?.Verdict ?? Verdict;

    /// <summary>True when the action is tied to a goal.</summary>
    public bool IsAligned => GoalId is not null;
}
