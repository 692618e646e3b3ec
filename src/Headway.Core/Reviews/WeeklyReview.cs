using Headway.Core.Actions;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Headway.Core.Weeks;

namespace Headway.Core.Reviews;

/// <summary>
/// Everything the weekly review reads, as stored. The review is a pure function of this: no clock, no I/O.
/// </summary>
/// <param name="Week">The week under review, in the user's zone.</param>
/// <param name="Today">The user's local date now; commitments at risk are those due in the seven days from it.</param>
/// <param name="Goals">All the user's goals, any status, in the order the review should list them.</param>
/// <param name="Actions">All open actions, and those done or dropped in or before the week (and those created in it).</param>
/// <param name="Events">The history of those actions.</param>
/// <param name="Commitments">The user's commitments, any status.</param>
/// <param name="StretchQuota">Stretch actions expected per week; a week with fewer is flagged.</param>
public sealed record ReviewInput(
    Week Week,
    DateOnly Today,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<PlannedAction> Actions,
    IReadOnlyList<ActionEvent> Events,
    IReadOnlyList<Commitment> Commitments,
    int StretchQuota = 1);

/// <summary>The essay's three causes of busy work.</summary>
public enum Cause
{
    /// <summary>No big-picture goals, so any activity feels like progress.</summary>
    NoGoals,

    /// <summary>Over-planning, preparing and polishing instead of producing.</summary>
    Perfectionism,

    /// <summary>Fear of failure or rejection: the risky steps are put off or dropped.</summary>
    Fear,
}

/// <summary>How strongly one cause shows in the week (0–100) and the facts behind it.</summary>
public sealed record Diagnosis(Cause Cause, int Score, IReadOnlyList<string> Evidence);

/// <summary>One active goal's week: its outcomes, and whether it stalled (none).</summary>
public sealed record GoalReview(long Id, string Title, int Outcomes, bool Stalled);

/// <summary>Commitments kept and missed in the week, and those at risk in the coming seven days.</summary>
public sealed record CommitmentSummary(int Kept, int AtRisk, int Missed);

/// <summary>The weekly review: outcomes against activity, per goal, with a diagnosis and next week's Now list.</summary>
public sealed record WeeklyReview(
    DateOnly WeekStart,
    DateOnly WeekEnd,
    int Completed,
    int MeaningfulCompleted,
    double ProgressRatio,
    int Outcomes,
    IReadOnlyList<GoalReview> Goals,
    int StretchCount,
    bool StretchQuotaMet,
    CommitmentSummary Commitments,
    IReadOnlyList<Diagnosis> Diagnosis,
    IReadOnlyList<long> ProposedNow,
    IReadOnlyList<string> Notes);

/// <summary>The names causes carry in text and JSON.</summary>
public static class CauseNames
{
    /// <summary>"no-goals", "perfectionism" or "fear".</summary>
    public static string Name(this Cause c) => c switch
    {
        Cause.NoGoals => "no-goals",
        Cause.Perfectionism => "perfectionism",
        _ => "fear",
    };
}
