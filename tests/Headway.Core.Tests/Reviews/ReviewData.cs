using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Headway.Core.Reviews;
using Headway.Core.Weeks;

namespace Headway.Core.Tests.Reviews;

/// <summary>Small builders for review inputs: a Monday-first UTC week starting 2027-03-01, unless a test says otherwise.</summary>
internal static class ReviewData
{
    public static readonly Week Week = WeekCalendar.Utc.WeekOf(new DateOnly(2027, 3, 1));

    /// <summary>Wednesday noon of the week under review.</summary>
    public static readonly DateTime Midweek = new(2027, 3, 3, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Friday of the review week: the user reviews before the week ends.</summary>
    public static readonly DateOnly Today = new(2027, 3, 5);

    public static Goal Goal(long id, string title, GoalStatus status = GoalStatus.Active) =>
        new(id, title, null, GoalArea.Other, status, null, null, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    public static PlannedAction Open(long id, string text, long? goalId = null, Verdict verdict = Verdict.Meaningful) =>
        new(id, text, goalId, Horizon.Week, ActionStatus.Open, null, null, verdict, verdict == Verdict.Meaningful ? 80 : 20,
            [], null, null, Stretch: false, Result: null,
            CreatedAt: new DateTime(2027, 2, 15, 9, 0, 0, DateTimeKind.Utc), CompletedAt: null, PlannedWeek: Week.Start);

    public static PlannedAction Done(long id, string text, long? goalId = null, string? result = "done",
        Verdict verdict = Verdict.Meaningful, DateTime? at = null) =>
        Open(id, text, goalId, verdict) with { Status = ActionStatus.Done, Result = result, CompletedAt = at ?? Midweek };

    public static PlannedAction WithSignals(this PlannedAction a, params SignalCode[] codes) =>
        a with { Signals = [.. codes.Select(c => new Signal(c, c.ToString().ToLowerInvariant()))] };

    public static PlannedAction AddedMidweek(this PlannedAction a) => a with { CreatedAt = Midweek.AddHours(-1) };

    public static ActionEvent Event(long actionId, ActionEventKind kind, DateTime? at = null) =>
        new(actionId, kind, at ?? Midweek, null);

    public static Commitment Commitment(long id, DateOnly due, long? goalId = null, long? actionId = null,
        CommitmentStatus status = CommitmentStatus.Locked, DateTime? resolvedAt = null, string? eventName = null) =>
        new(id, goalId, actionId, due, eventName, null, null, status,
            new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), null, resolvedAt, 1);

    public static ReviewInput Input(
        IEnumerable<Goal>? goals = null,
        IEnumerable<PlannedAction>? actions = null,
        IEnumerable<ActionEvent>? events = null,
        IEnumerable<Commitment>? commitments = null,
        int stretchQuota = 1) =>
        new(Week, Today, [.. goals ?? []], [.. actions ?? []], [.. events ?? []], [.. commitments ?? []], stretchQuota);

    /// <summary>Three active goals: enough that the no-goals cause does not fire by itself.</summary>
    public static Goal[] ThreeGoals() => [Goal(1, "Finish the novel"), Goal(2, "Run a 5K"), Goal(3, "Grow my network")];

    public static Diagnosis Cause(this WeeklyReview review, Cause cause) => review.Diagnosis.Single(d => d.Cause == cause);
}
