namespace Headway.Core.Actions;

/// <summary>What happened to an action. The history feeds the review's diagnosis.</summary>
public enum ActionEventKind
{
    /// <summary>Added.</summary>
    Created,
    /// <summary>Text, outcome, goal or verdict changed.</summary>
    Edited,
    /// <summary>Moved to a later horizon or a later due date, or carried over to a new week unfinished.</summary>
    Postponed,
    /// <summary>Moved to an earlier horizon or an earlier due date.</summary>
    Advanced,
    /// <summary>Done, with a result.</summary>
    Completed,
    /// <summary>Dropped.</summary>
    Dropped,
    /// <summary>Reopened after being done or dropped.</summary>
    Reopened,
}

/// <summary>One entry of an action's history, at a UTC instant, with a short detail ("week → later").</summary>
public sealed record ActionEvent(long ActionId, ActionEventKind Kind, DateTime At, string? Detail);
