using Headway.Core.Goals;

namespace Headway.Core.Commitments;

/// <summary>The change a user asks for on a commitment.</summary>
public enum ChangeKind
{
    /// <summary>Move the date (earlier tightens, later loosens).</summary>
    Reschedule,
    /// <summary>Change the target amount (larger tightens, smaller loosens).</summary>
    Retarget,
    /// <summary>Give the commitment up.</summary>
    Drop,
}

/// <summary>How a request to loosen a locked commitment ends.</summary>
public enum ChangeRequestStatus
{
    /// <summary>Waiting for a partner's decision or for its cooling-off to end.</summary>
    Pending,
    /// <summary>Applied: by a partner's approval or at the end of cooling-off.</summary>
    Applied,
    /// <summary>A partner said no.</summary>
    Denied,
    /// <summary>The commitment changed after the request, so the request no longer describes it.</summary>
    Void,
    /// <summary>The user took it back.</summary>
    Withdrawn,
}

/// <summary>How a pending request can be settled.</summary>
public enum ApprovalPath
{
    /// <summary>A partner who can see the commitment approves or denies it.</summary>
    Partner,
    /// <summary>No partner can approve: the change applies by itself when cooling-off ends.</summary>
    CoolingOff,
}

/// <summary>One exact change to one version of a commitment.</summary>
public sealed record CommitmentChange(ChangeKind Kind, DateOnly? NewDue, Quantity? NewTarget)
{
    /// <summary>Moves the date.</summary>
    public static CommitmentChange Reschedule(DateOnly due) => new(ChangeKind.Reschedule, due, null);

    /// <summary>Changes the target.</summary>
    public static CommitmentChange Retarget(Quantity target) => new(ChangeKind.Retarget, null, target);

    /// <summary>Drops the commitment.</summary>
    public static CommitmentChange Drop() => new(ChangeKind.Drop, null, null);

    /// <summary>What it does, in a few words.</summary>
    public string Describe() => Kind switch
    {
        ChangeKind.Reschedule => $"move the date to {NewDue!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}",
        ChangeKind.Retarget => $"change the target to {NewTarget}",
        _ => "drop it",
    };
}

/// <summary>
/// A request to make a locked commitment easier. It is bound to the commitment's <see cref="CommitmentVersion"/>:
/// if the commitment changes after the request, the request is void. It applies at most once.
/// </summary>
public sealed record ChangeRequest(
    long Id,
    long CommitmentId,
    int CommitmentVersion,
    CommitmentChange Change,
    ApprovalPath Path,
    DateTime RequestedAt,
    DateTime? EffectiveAt,
    ChangeRequestStatus Status,
    DateTime? SettledAt);
