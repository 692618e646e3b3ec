using Headway.Core.Actions;
using Headway.Core.Commitments;

namespace Headway.Core.Partners;

/// <summary>
/// What one partner may see of one person: the goals shared with them and, only when <see cref="SeesActions"/>, the
/// individual actions toward those goals; otherwise only the outcomes delivered. Everything else is as absent as a
/// record that never existed. Built fresh on every request, so removing a partner or unsharing a goal takes effect at
/// the next one.
/// </summary>
public sealed record PartnerAccess(long PartnershipId, long UserId, long PartnerUserId, bool SeesActions, IReadOnlySet<long> SharedGoalIds)
{
    /// <summary>True when the goal is shared with this partner.</summary>
    public bool CanSeeGoal(long? goalId) => goalId is { } id && SharedGoalIds.Contains(id);

    /// <summary>
    /// True when the commitment belongs to a shared goal: bound to it, or to an action toward it (<paramref name="actionGoalId"/>).
    /// </summary>
    public bool CanSeeCommitment(Commitment c, long? actionGoalId) => CanSeeGoal(c.GoalId ?? actionGoalId);

    /// <summary>True when the partner may see this action itself (its text, horizon, due date).</summary>
    public bool CanSeeAction(PlannedAction a) => SeesActions && CanSeeGoal(a.GoalId);

    /// <summary>True when the action is a delivered outcome of a shared goal: done, with the result recorded.</summary>
    public bool CanSeeOutcome(PlannedAction a) => IsOutcome(a) && CanSeeGoal(a.GoalId);

    /// <summary>An outcome delivered: an action done with its result recorded, meaningful by its verdict.</summary>
    public static bool IsOutcome(PlannedAction a) =>
        a.Status == ActionStatus.Done && a.Result is not null && a.EffectiveVerdict == Analysis.Verdict.Meaningful;
}
